package com.littlethreads.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.littlethreads.gateway.resilience.ServiceRetryConfig.ServiceRetryGatewayFilterFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The filter alone, with the routes' arguments (application.yml); the routes' retries end
 * to end are in {@code upstream.RetryTests}.
 */
class ServiceRetryTests {

	private final RetryConfig writesRefused = new RetryConfig().setRetries(2)
		.setMethods(HttpMethod.POST)
		.setStatuses()
		.setSeries()
		.setExceptions(ConnectException.class);

	private final RetryConfig reads = new RetryConfig().setRetries(2)
		.setMethods(HttpMethod.GET, HttpMethod.HEAD)
		.setStatuses(HttpStatus.SERVICE_UNAVAILABLE)
		.setSeries()
		.setExceptions(IOException.class)
		.setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, false);

	private final AtomicInteger attempts = new AtomicInteger();

	@Test
	void aRequestOfAMethodItDoesNotRetryGoesStraightOnUnwrapped() {
		Mono<Void> downstream = Mono.empty();
		GatewayFilterChain chain = (exchange) -> downstream;

		assertThat(filter(this.writesRefused).filter(exchange(HttpMethod.GET), chain)).isSameAs(downstream);
	}

	@Test
	void aWriteRefusedOnceIsSentAgain() {
		GatewayFilterChain refusedOnce = outcomes(new ConnectException("Connection refused"), null);

		StepVerifier.create(filter(this.writesRefused).filter(exchange(HttpMethod.POST), refusedOnce)).verifyComplete();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void aRetryThatRunsOutEndsWithTheLastFailure() {
		GatewayFilterChain refused = (exchange) -> Mono
			.error(new ConnectException("Connection refused " + this.attempts.incrementAndGet()));

		StepVerifier.create(filter(this.writesRefused).filter(exchange(HttpMethod.POST), refused))
			.verifyErrorMessage("Connection refused 3");
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void aFailureItIsNotGivenIsNotRetried() {
		GatewayFilterChain timedOut = outcomes(new TimeoutException("slow"), null);

		StepVerifier.create(filter(this.reads).filter(exchange(HttpMethod.GET), timedOut))
			.verifyError(TimeoutException.class);
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void aFailureCausedByOneItIsGivenIsRetried() {
		GatewayFilterChain resetOnce = outcomes(new IllegalStateException(new IOException("Connection reset")), null);

		StepVerifier.create(filter(this.reads).filter(exchange(HttpMethod.GET), resetOnce)).verifyComplete();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void aReadAnsweredWithAStatusItIsGivenIsSentAgain() {
		MockServerWebExchange read = exchange(HttpMethod.GET);
		GatewayFilterChain unavailableOnce = answers(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.OK);

		StepVerifier.create(filter(this.reads).filter(read, unavailableOnce)).verifyComplete();
		assertThat(this.attempts).hasValue(2);
		assertThat(read.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aReadAnsweredWithAnotherStatusIsNotSentAgain() {
		GatewayFilterChain broken = answers(HttpStatus.INTERNAL_SERVER_ERROR);

		StepVerifier.create(filter(this.reads).filter(exchange(HttpMethod.GET), broken)).verifyComplete();
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void aReadAnsweredWithTheStatusEveryTimeEndsWithThatAnswerAfterItsRetries() {
		MockServerWebExchange read = exchange(HttpMethod.GET);
		GatewayFilterChain unavailable = answers(HttpStatus.SERVICE_UNAVAILABLE);

		StepVerifier.create(filter(this.reads).filter(read, unavailable)).verifyComplete();
		assertThat(this.attempts).hasValue(3);
		assertThat(read.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void aStatusRetryAndAFailureRetryShareTheRetriesAndNoFailureIsRetriedTwice() {
		MockServerWebExchange read = exchange(HttpMethod.GET);
		GatewayFilterChain unavailableThenReset = (exchange) -> Mono.defer(() -> {
			if (this.attempts.incrementAndGet() == 1) {
				exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
				return Mono.empty();
			}
			return Mono.error(new IOException("Connection reset " + this.attempts.get()));
		});

		StepVerifier.create(filter(this.reads).filter(read, unavailableThenReset))
			.verifyErrorMessage("Connection reset 3");
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void theBackoffGrowsByItsFactorUpToItsMaximum() {
		ServiceRetry retry = new ServiceRetry(this.reads);
		long start = System.nanoTime();

		assertThat(retry.delayBeforeRetry(1, start)).isEqualTo(Duration.ofMillis(50));
		assertThat(retry.delayBeforeRetry(2, start)).isEqualTo(Duration.ofMillis(100));
		assertThat(retry.delayBeforeRetry(4, start)).isEqualTo(Duration.ofMillis(400));
		assertThat(retry.delayBeforeRetry(5, start)).isEqualTo(Duration.ofMillis(500));
		assertThat(retry.delayBeforeRetry(60, start)).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void theJitterMovesTheBackoffByUpToItsShareEitherWay() {
		ServiceRetry retry = new ServiceRetry(this.reads.setJitter(0.5));
		long start = System.nanoTime();

		for (int i = 0; i < 200; i++) {
			assertThat(retry.delayBeforeRetry(2, start)).isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
			assertThat(retry.delayBeforeRetry(6, start)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
		}
	}

	@Test
	void noRetryOutlastsTheTimeBudget() {
		RetryConfig budget = this.reads.setTimeout(Duration.ofMillis(80));
		ServiceRetry retry = new ServiceRetry(budget);
		long start = System.nanoTime();

		assertThat(retry.delayBeforeRetry(1, start)).isEqualTo(Duration.ofMillis(50));
		assertThat(retry.delayBeforeRetry(2, start)).isNull();
	}

	@Test
	void aWriteMayBeRetriedOnlyWhenItsConnectionWasRefusedSinceItsBodyIsNotKept() {
		RetryConfig writesReset = new RetryConfig().setRetries(2)
			.setMethods(HttpMethod.POST)
			.setStatuses()
			.setSeries()
			.setExceptions(IOException.class);
		RetryConfig writesUnavailable = new RetryConfig().setRetries(2)
			.setMethods(HttpMethod.GET, HttpMethod.PUT)
			.setStatuses(HttpStatus.SERVICE_UNAVAILABLE)
			.setSeries()
			.setExceptions(ConnectException.class);

		assertThatIllegalArgumentException().isThrownBy(() -> filter(writesReset))
			.withMessageContaining("java.net.ConnectException");
		assertThatIllegalArgumentException().isThrownBy(() -> filter(writesUnavailable));
	}

	@Test
	void aRequestCancelledDuringItsBackoffIsNotSentAgain() throws InterruptedException {
		Disposable request = filter(this.reads)
			.filter(exchange(HttpMethod.GET), answers(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.OK))
			.subscribe();
		assertThat(this.attempts).hasValue(1);

		// The caller went away while the first backoff (50 ms) ran.
		request.dispose();
		Thread.sleep(300);

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void aCancelReachesTheAttemptUnderWay() {
		AtomicInteger cancelled = new AtomicInteger();
		GatewayFilterChain slow = (exchange) -> Mono.<Void>never().doOnCancel(cancelled::incrementAndGet);

		StepVerifier.create(filter(this.reads).filter(exchange(HttpMethod.GET), slow))
			.expectSubscription()
			.thenCancel()
			.verify(Duration.ofSeconds(5));

		assertThat(cancelled).hasValue(1);
	}

	@Test
	void eachAttemptSeesTheCallersContext() {
		GatewayFilterChain contextual = (exchange) -> Mono.deferContextual((context) -> {
			assertThat(context.<String>get("caller")).isEqualTo("shopper");
			return (this.attempts.getAndIncrement() == 0) ? Mono.error(new IOException("Connection reset"))
					: Mono.empty();
		});

		StepVerifier
			.create(filter(this.reads).filter(exchange(HttpMethod.GET), contextual)
				.contextWrite(Context.of("caller", "shopper")))
			.verifyComplete();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void isNamedForTheRoutes() {
		assertThat(new ServiceRetryGatewayFilterFactory().name()).isEqualTo("ServiceRetry");
	}

	/**
	 * A chain whose attempts are answered, in turn, with these statuses (the last one
	 * from then on).
	 */
	private GatewayFilterChain answers(HttpStatus... statuses) {
		return (exchange) -> Mono.fromRunnable(() -> exchange.getResponse()
			.setStatusCode(statuses[Math.min(this.attempts.getAndIncrement(), statuses.length - 1)]));
	}

	/**
	 * A chain whose attempts end, in turn, with these failures ({@code null}: an answer).
	 */
	private GatewayFilterChain outcomes(Throwable... failures) {
		return (exchange) -> Mono.defer(() -> {
			Throwable failure = failures[Math.min(this.attempts.getAndIncrement(), failures.length - 1)];
			return (failure != null) ? Mono.error(failure) : Mono.empty();
		});
	}

	private static MockServerWebExchange exchange(HttpMethod method) {
		return MockServerWebExchange.from(MockServerHttpRequest.method(method, "/api/catalog/products"));
	}

	private GatewayFilter filter(RetryConfig config) {
		config.setRouteId("catalog");
		return new ServiceRetryGatewayFilterFactory().apply(config);
	}

}
