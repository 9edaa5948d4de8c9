package com.littlethreads.gateway.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerResilience4JFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * One Resilience4j circuit breaker per service, configured from
 * {@link CircuitBreakerProperties}, and the {@code ServiceCircuitBreaker} route filter
 * that uses it.
 * <p>
 * What counts as a failure: a connection that fails, a timeout, anything unexpected. A
 * service's own answer never does, whatever its status: a 404 or 409 is the service
 * working, and a client sending bad requests must not open the breaker for everyone.
 * Neither does a request the gateway itself refuses (a body over the limit).
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfig {

	/**
	 * The breakers without a Resilience4j time limiter
	 * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): the HTTP
	 * client's connect and response timeouts bound every proxied request already (the
	 * response timeout covers the wait between any two reads of the answer, body
	 * included), and a time limiter would schedule and cancel a timer for every request
	 * to do it again (about a quarter of what the routes cost, docs/benchmarks.md).
	 */
	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(CircuitBreakerProperties properties) {
		io.github.resilience4j.circuitbreaker.CircuitBreakerConfig breaker = io.github.resilience4j.circuitbreaker.CircuitBreakerConfig
			.custom()
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordException(CircuitBreakerConfig::isServiceFailure)
			.build();
		return (factory) -> factory
			.configureDefault((id) -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(breaker).build());
	}

	static boolean isServiceFailure(Throwable ex) {
		// The gateway's own refusals (413 and the like) are the caller's doing.
		return !(ex instanceof ResponseStatusException refusal && refusal.getStatusCode().is4xxClientError());
	}

	@Bean
	ServiceCircuitBreakerFilterFactory serviceCircuitBreakerFilterFactory(
			ReactiveResilience4JCircuitBreakerFactory factory, ObjectProvider<DispatcherHandler> dispatcherHandler,
			CircuitBreakerProperties properties) {
		return new ServiceCircuitBreakerFilterFactory(factory, dispatcherHandler, properties.waitInOpenState());
	}

	/**
	 * Gateway's Resilience4j filter, except that an open breaker is answered with a 503
	 * that says when to try again ({@code Retry-After}), rather than a bare 503.
	 */
	static class ServiceCircuitBreakerFilterFactory extends SpringCloudCircuitBreakerResilience4JFilterFactory {

		private final long retryAfterSeconds;

		ServiceCircuitBreakerFilterFactory(ReactiveResilience4JCircuitBreakerFactory factory,
				ObjectProvider<DispatcherHandler> dispatcherHandler, Duration waitInOpenState) {
			super(factory, dispatcherHandler);
			this.retryAfterSeconds = Math.max(1, (waitInOpenState.toMillis() + 999) / 1000);
		}

		@Override
		public String name() {
			return "ServiceCircuitBreaker";
		}

		@Override
		protected Mono<Void> handleErrorWithoutFallback(Throwable t, boolean resumeWithoutError) {
			if (t instanceof CallNotPermittedException) {
				return Mono.error(new CircuitOpenException(this.retryAfterSeconds));
			}
			return super.handleErrorWithoutFallback(t, resumeWithoutError);
		}

	}

	/**
	 * The service is being left alone for a while; the caller may try again after
	 * {@code Retry-After} seconds. Without a stack trace: it is expected, and frequent
	 * while the breaker is open.
	 */
	static class CircuitOpenException extends ResponseStatusException {

		private final HttpHeaders headers = new HttpHeaders();

		CircuitOpenException(long retryAfterSeconds) {
			super(HttpStatus.SERVICE_UNAVAILABLE, "circuit breaker open");
			this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
