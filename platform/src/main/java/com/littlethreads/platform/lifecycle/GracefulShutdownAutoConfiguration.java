package com.littlethreads.platform.lifecycle;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A service told to stop (SIGTERM) turns its readiness DOWN, keeps answering for
 * {@code littlethreads.shutdown.drain-delay}, then refuses new connections and finishes
 * the requests and scheduled jobs in flight ({@code server.shutdown=graceful}, up to
 * {@code spring.lifecycle.timeout-per-shutdown-phase}; the defaults file sets both).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(ShutdownProperties.class)
public class GracefulShutdownAutoConfiguration {

	@Bean
	ShutdownDrain shutdownDrain(ShutdownProperties properties) {
		return new ShutdownDrain(properties.drainDelay());
	}

}
