package com.littlethreads.gateway.problem;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services slower than their route's response timeout. The timeouts are cut to 1 s
 * (global) and 3 s (checkout) here so that the test stays fast; the behaviour is the same
 * at the real 10 s and 20 s.
 * <p>
 * The 504 must come within the timeout plus 10 %: the upper bounds below leave a further
 * 40 % for a loaded test machine, and the lower bounds show that no shorter limit (such
 * as Resilience4j's 1 s time limiter) cut in first.
 */
@Tag("slow") // waits out real upstream timeouts
@TestPropertySource(properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
		"littlethreads.timeouts.checkout-response=3000" })
class UpstreamTimeoutTests extends UpstreamGatewayTest {

	@Test
	void serviceSlowerThanTheResponseTimeoutIsGatewayTimeoutProblem() {
		upstream.stubFor(
				get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{\"items\":[]}").withFixedDelay(3000)));

		long started = System.nanoTime();
		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Request-Id", "trace-44")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Request-Id", "trace-44")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/gateway-timeout")
			.jsonPath("$.title")
			.isEqualTo("Gateway timeout")
			.jsonPath("$.status")
			.isEqualTo(504)
			.jsonPath("$.detail")
			.isEqualTo("The service behind this address took too long to answer. Try again shortly.")
			.jsonPath("$.instance")
			.isEqualTo("/api/catalog/products")
			.jsonPath("$.requestId")
			.isEqualTo("trace-44");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1000),
				Duration.ofMillis(1500));
	}

	@Test
	void checkoutGetsItsLongerRouteTimeout() {
		upstream.stubFor(post(urlEqualTo("/api/checkout")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"orderId\":\"ord_1\"}")
			.withFixedDelay(1500)));

		// Slower than the global 1 s, well within checkout's 3 s.
		this.client.post()
			.uri("/api/checkout")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void checkoutSlowerThanItsRouteTimeoutIsGatewayTimeoutProblem() {
		upstream.stubFor(post(urlEqualTo("/api/checkout/slow"))
			.willReturn(aResponse().withStatus(201).withBody("{}").withFixedDelay(6000)));

		long started = System.nanoTime();
		this.client.post()
			.uri("/api/checkout/slow")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/gateway-timeout");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(3000),
				Duration.ofMillis(4500));
	}

}
