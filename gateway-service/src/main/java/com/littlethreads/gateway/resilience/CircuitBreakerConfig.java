package com.littlethreads.gateway.resilience;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;
import org.springframework.web.server.ResponseStatusException;

/**
 * One Resilience4j circuit breaker per service, configured from
 * {@link CircuitBreakerProperties}, the {@code ServiceCircuitBreaker} route filter that
 * uses it ({@link ServiceCircuitBreaker}), and its meters ({@link CircuitBreakerMeters}).
 * <p>
 * What counts as a failure: a connection that fails, a timeout, anything unexpected. A
 * service's own answer never does, whatever its status: a 404 or 409 is the service
 * working, and a client sending bad requests must not open the breaker for everyone.
 * Neither does a request the gateway itself refuses (a body over the limit).
 * <p>
 * No time limiter: the HTTP client's connect and response timeouts bound every proxied
 * request already (the response timeout covers the wait between any two reads of the
 * answer, body included), and a time limiter would schedule and cancel a timer for every
 * request to do it again (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfig {

	@Bean
	CircuitBreakerRegistry serviceCircuitBreakers(CircuitBreakerProperties properties) {
		return CircuitBreakerRegistry.of(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordException(CircuitBreakerConfig::isServiceFailure)
			.build());
	}

	static boolean isServiceFailure(Throwable ex) {
		// The gateway's own refusals (413 and the like) are the caller's doing.
		return !(ex instanceof ResponseStatusException refusal && refusal.getStatusCode().is4xxClientError());
	}

	@Bean
	ServiceCircuitBreakerGatewayFilterFactory serviceCircuitBreakerGatewayFilterFactory(CircuitBreakerRegistry breakers,
			MeterRegistry meters, CircuitBreakerProperties properties) {
		return new ServiceCircuitBreakerGatewayFilterFactory(breakers, meters,
				Math.max(1, (properties.waitInOpenState().toMillis() + 999) / 1000));
	}

	@Bean
	CircuitBreakerMeters circuitBreakerMeters(CircuitBreakerRegistry breakers) {
		return new CircuitBreakerMeters(breakers);
	}

	/**
	 * {@code ServiceCircuitBreaker} with the service's breaker name
	 * ({@code name: catalog} in a route's filters). Routes to one service name the same
	 * breaker, so that a dead payment-service is left alone by every route to it, and by
	 * nothing else.
	 */
	static class ServiceCircuitBreakerGatewayFilterFactory
			extends AbstractGatewayFilterFactory<ServiceCircuitBreakerGatewayFilterFactory.Config> {

		private final CircuitBreakerRegistry breakers;

		private final MeterRegistry meters;

		private final long retryAfterSeconds;

		ServiceCircuitBreakerGatewayFilterFactory(CircuitBreakerRegistry breakers, MeterRegistry meters,
				long retryAfterSeconds) {
			super(Config.class);
			this.breakers = breakers;
			this.meters = meters;
			this.retryAfterSeconds = retryAfterSeconds;
		}

		@Override
		public String name() {
			return "ServiceCircuitBreaker";
		}

		@Override
		public List<String> shortcutFieldOrder() {
			return List.of("name");
		}

		@Override
		public GatewayFilter apply(Config config) {
			Assert.hasText(config.getName(), "ServiceCircuitBreaker needs the name of the service's breaker");
			return new ServiceCircuitBreaker(this.breakers.circuitBreaker(config.getName()),
					CircuitBreakerMeters.refusals(this.meters, config.getName()), this.retryAfterSeconds);
		}

		public static class Config {

			private String name;

			public String getName() {
				return this.name;
			}

			public void setName(String name) {
				this.name = name;
			}

		}

	}

}
