package com.littlethreads.gateway.resilience;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import com.littlethreads.gateway.GatewayApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Resilience4j's time limiter must never cut a request before the HTTP timeouts do: the
 * gateway refuses to start when it would.
 */
@Tag("slow") // starts two gateways
class TimeLimitTests {

	@Test
	void timeLimitBelowARoutesResponseTimeoutStopsTheStart() {
		// 15 s: above the global 10 s, below checkout's 20 s.
		Throwable failure = catchThrowable(() -> new SpringApplication(GatewayApplication.class)
			.run("--server.port=0", "--littlethreads.circuit-breaker.time-limit=15s", "--spring.main.banner-mode=off")
			.close());

		assertThat(failure).hasStackTraceContaining("above route checkout's response timeout");
	}

	@Test
	void timeLimitBelowTheGlobalResponseTimeoutStopsTheStart() {
		Throwable failure = catchThrowable(() -> new SpringApplication(GatewayApplication.class)
			.run("--server.port=0", "--littlethreads.circuit-breaker.time-limit=5s", "--spring.main.banner-mode=off")
			.close());

		assertThat(failure).hasStackTraceContaining("above the gateway's response timeout");
	}

}
