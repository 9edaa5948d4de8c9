package com.littlethreads.gateway.resilience;

import java.util.Locale;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Each breaker's state, failure rate, the calls in its window and the calls it refused,
 * under Resilience4j's own meter names and tags ({@code resilience4j.circuitbreaker.*},
 * {@code name}, {@code state}, {@code kind}), which the edge dashboard and the
 * {@code CircuitBreakerOpen} alert read.
 * <p>
 * Read from the breaker when scraped, never recorded per call: Resilience4j's
 * {@code TaggedCircuitBreakerMetrics} would also time every call (through an event
 * object, with its own timestamp, for every request), which the route timer
 * ({@code spring.cloud.gateway.requests}) does already.
 */
class CircuitBreakerMeters implements MeterBinder {

	private final CircuitBreakerRegistry breakers;

	CircuitBreakerMeters(CircuitBreakerRegistry breakers) {
		this.breakers = breakers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.breakers.getAllCircuitBreakers().forEach((breaker) -> bind(registry, breaker));
		this.breakers.getEventPublisher().onEntryAdded((added) -> bind(registry, added.getAddedEntry()));
	}

	private static void bind(MeterRegistry registry, CircuitBreaker breaker) {
		String name = breaker.getName();
		for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
			Gauge.builder("resilience4j.circuitbreaker.state", breaker, (b) -> (b.getState() == state) ? 1 : 0)
				.description("The states of the circuit breaker")
				.tag("name", name)
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		Gauge.builder("resilience4j.circuitbreaker.failure.rate", breaker, (b) -> b.getMetrics().getFailureRate())
			.description("The failure rate of the circuit breaker")
			.tag("name", name)
			.register(registry);
		Gauge
			.builder("resilience4j.circuitbreaker.buffered.calls", breaker,
					(b) -> b.getMetrics().getNumberOfSuccessfulCalls())
			.description("The number of buffered successful calls stored in the ring buffer")
			.tag("name", name)
			.tag("kind", "successful")
			.register(registry);
		Gauge
			.builder("resilience4j.circuitbreaker.buffered.calls", breaker,
					(b) -> b.getMetrics().getNumberOfFailedCalls())
			.description("The number of buffered failed calls stored in the ring buffer")
			.tag("name", name)
			.tag("kind", "failed")
			.register(registry);
	}

	/**
	 * The calls a breaker refused, counted by {@link ServiceCircuitBreaker} itself: the
	 * breaker's own count starts again at every change of state.
	 */
	static Counter refusals(MeterRegistry registry, String name) {
		return Counter.builder("resilience4j.circuitbreaker.not.permitted.calls")
			.description("The number of not permitted calls")
			.tag("name", name)
			.tag("kind", "not_permitted")
			.register(registry);
	}

}
