package com.littlethreads.platform.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shutdown settings.
 *
 * @param drainDelay how long a stopping service keeps taking requests after its readiness
 * turned DOWN, so that a load balancer that polls readiness (the gateway's health checks)
 * stops sending it work before it refuses connections. Zero where the platform does it
 * (Kubernetes' preStop pause)
 */
@ConfigurationProperties("littlethreads.shutdown")
public record ShutdownProperties(@DefaultValue("0s") Duration drainDelay) {

	public ShutdownProperties {
		if (drainDelay.isNegative()) {
			throw new IllegalArgumentException("littlethreads.shutdown.drain-delay must not be negative");
		}
	}

}
