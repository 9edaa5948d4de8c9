package com.littlethreads.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a service's circuit breaker opens, and for how long. One breaker per service (the
 * routes name it), so a dead payment-service does not stop browsing the catalog.
 * <p>
 * The defaults trip at a shop's demo traffic: Resilience4j's own (a minimum of 100 calls)
 * would never trip here.
 *
 * @param slidingWindowSize how many recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the rate counts at all
 * @param failureRateThreshold the failure percentage that opens the breaker
 * @param waitInOpenState how long an open breaker answers 503 at once before letting a
 * few trial calls through (also the {@code Retry-After} it sends)
 * @param permittedCallsInHalfOpenState the trial calls that decide whether it closes
 */
@ConfigurationProperties("littlethreads.circuit-breaker")
record CircuitBreakerProperties(@DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumNumberOfCalls,
		@DefaultValue("50") float failureRateThreshold, @DefaultValue("10s") Duration waitInOpenState,
		@DefaultValue("3") int permittedCallsInHalfOpenState) {

}
