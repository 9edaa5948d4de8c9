package com.littlethreads.gateway.resilience;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the route filter tells the breaker about each call, and what it does when the
 * breaker says no. The breakers are the gateway's own ({@link CircuitBreakerConfig}),
 * with a window of 10 calls of which 5 must have been made.
 */
class ServiceCircuitBreakerTests {

	private final CircuitBreakerRegistry breakers = new CircuitBreakerConfig()
		.serviceCircuitBreakers(new CircuitBreakerProperties(10, 5, 50, Duration.ofSeconds(10), 1));

	private final CircuitBreaker breaker = this.breakers.circuitBreaker("catalog");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Counter refusals = CircuitBreakerMeters.refusals(this.meters, "catalog");

	private final ServiceCircuitBreaker filter = new ServiceCircuitBreaker(this.breaker, this.refusals, 10);

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void aCompletedCallIsASuccessWhateverTheServiceAnswered() {
		StepVerifier.create(call(Mono.empty())).verifyComplete();

		assertThat(this.calls).hasValue(1);
		assertThat(this.breaker.getMetrics().getNumberOfSuccessfulCalls()).isOne();
		assertThat(this.breaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void aFailedCallIsAFailureAndItsErrorGoesOn() {
		IOException reset = new IOException("Connection reset by peer");

		StepVerifier.create(call(Mono.error(reset))).verifyErrorSatisfies((ex) -> assertThat(ex).isSameAs(reset));

		assertThat(this.breaker.getMetrics().getNumberOfFailedCalls()).isOne();
	}

	@Test
	void theGatewaysOwnRefusalIsNoFailureOfTheService() {
		StepVerifier.create(call(Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE))))
			.verifyError(ResponseStatusException.class);

		assertThat(this.breaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void failuresOpenTheBreakerWhichThenAnswers503WithRetryAfterWithoutCallingTheService() {
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(call(Mono.error(new IOException("refused")))).verifyError(IOException.class);
		}
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

		StepVerifier.create(call(Mono.empty())).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(CircuitOpenException.class);
			CircuitOpenException open = (CircuitOpenException) ex;
			assertThat(open.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(open.getHeaders().getFirst("Retry-After")).isEqualTo("10");
		});

		assertThat(this.calls).hasValue(5);
		assertThat(this.meters.get("resilience4j.circuitbreaker.not.permitted.calls")
			.tag("name", "catalog")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void aCancelledCallGivesItsPermissionBackAndCountsForNothing() {
		this.breaker.transitionToOpenState();
		this.breaker.transitionToHalfOpenState();
		// One trial call is permitted while half open: a cancelled one must not use it
		// up.
		StepVerifier.create(call(Mono.never())).expectSubscription().thenCancel().verify();

		assertThat(this.breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
		StepVerifier.create(call(Mono.empty())).verifyComplete();
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void theBreakerNeverCutsACallTheHttpTimeoutsLeaveRunning() {
		// The HTTP client's timeouts are the only limits: a Resilience4j time limiter
		// around the breaker would end this call once its limit passed.
		StepVerifier.withVirtualTime(() -> call(Mono.never()))
			.expectSubscription()
			.expectNoEvent(Duration.ofHours(1))
			.thenCancel()
			.verify();
	}

	@Test
	void theCallerContextReachesTheCall() {
		Mono<Void> readsContext = Mono.deferContextual((context) -> {
			assertThat(context.getOrDefault("request-id", "none")).isEqualTo("r-1");
			return Mono.empty();
		});

		StepVerifier.create(call(readsContext).contextWrite(Context.of("request-id", "r-1"))).verifyComplete();

		assertThat(this.breaker.getMetrics().getNumberOfSuccessfulCalls()).isOne();
	}

	@Test
	void eachSubscriptionIsOneCallAskedForAndCountedOnce() {
		Mono<Void> guarded = call(Mono.empty());

		StepVerifier.create(guarded).verifyComplete();
		StepVerifier.create(guarded).verifyComplete();

		assertThat(this.calls).hasValue(2);
		assertThat(this.breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(2);
	}

	private Mono<Void> call(Mono<Void> service) {
		GatewayFilterChain chain = (exchange) -> Mono.defer(() -> {
			this.calls.incrementAndGet();
			return service;
		});
		return this.filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/catalog/products")),
				chain);
	}

}
