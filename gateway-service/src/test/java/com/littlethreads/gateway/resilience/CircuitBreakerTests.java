package com.littlethreads.gateway.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failing service opens its own breaker and is then answered 503 at once, with
 * Retry-After, until trial calls find it healthy again. The wait is cut to 1 s here.
 */
@Tag("slow") // waits for the breaker to half-open
@TestPropertySource(properties = "littlethreads.circuit-breaker.wait-in-open-state=1s")
class CircuitBreakerTests extends UpstreamGatewayTest {

	@Autowired
	CircuitBreakerRegistry breakers;

	@Test
	void failingServiceOpensItsBreakerThenFailsFastWithRetryAfterAndRecoversAfterTheWait() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		for (int i = 0; i < 5; i++) {
			this.client.get()
				.uri("/api/catalog/products")
				.exchange()
				.expectStatus()
				.isEqualTo(502)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://littlethreads.shop/problems/bad-gateway");
		}
		assertThat(breaker("catalog").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		int reachedUpstream = upstream.findAll(getRequestedFor(urlEqualTo("/api/catalog/products"))).size();

		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Request-Id", "trace-open")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/service-unavailable")
			.jsonPath("$.requestId")
			.isEqualTo("trace-open");
		// Answered by the gateway alone: the service was left in peace.
		upstream.verify(reachedUpstream, getRequestedFor(urlEqualTo("/api/catalog/products")));
		// Only the catalog's breaker: user-service is still reachable.
		upstream.stubFor(get(urlEqualTo("/api/users/me")).willReturn(okJson("{}")));
		this.client.get().uri("/api/users/me").exchange().expectStatus().isOk();

		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{\"items\":[]}")));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> this.client.get().uri("/api/catalog/products").exchange().expectStatus().isOk());
		for (int i = 0; i < 3; i++) {
			this.client.get().uri("/api/catalog/products").exchange().expectStatus().isOk();
		}
		assertThat(breaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void clientErrorsFromTheServiceNeverOpenTheBreaker() {
		upstream.stubFor(get(urlEqualTo("/api/users/nobody")).willReturn(notFound()));

		for (int i = 0; i < 12; i++) {
			this.client.get().uri("/api/users/nobody").exchange().expectStatus().isNotFound();
		}

		assertThat(breaker("users").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker("users").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void manyRequestsInFlightToOneServiceAreAllServed() throws Exception {
		upstream.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[]").withFixedDelay(500)));

		ExecutorService callers = Executors.newFixedThreadPool(40);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				statuses.add(callers.submit(() -> this.client.get()
					.uri("/api/catalog/categories")
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value()));
			}
			for (Future<Integer> status : statuses) {
				// A bulkhead (Spring Cloud CircuitBreaker's default allowed 25 at
				// once) would refuse some.
				assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void bodiesRefusedByTheGatewayNeverOpenTheBreaker() {
		assertThat(CircuitBreakerConfig.isServiceFailure(new org.springframework.web.server.ResponseStatusException(
				org.springframework.http.HttpStatus.CONTENT_TOO_LARGE)))
			.isFalse();
		assertThat(CircuitBreakerConfig.isServiceFailure(new java.net.ConnectException("refused"))).isTrue();
	}

	private CircuitBreaker breaker(String name) {
		return this.breakers.circuitBreaker(name);
	}

}
