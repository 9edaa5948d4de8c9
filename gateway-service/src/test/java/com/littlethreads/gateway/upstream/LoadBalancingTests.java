package com.littlethreads.gateway.upstream;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.GatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind one route. Requests are spread over both; one that is gone, or
 * whose readiness says it is not taking traffic (it is stopping), gets no requests, and
 * gets them again once it is ready.
 */
@Tag("slow") // waits for health checks to notice
@GatewayTest
class LoadBalancingTests {

	private static final int DEAD_PORT = TestSocketUtils.findAvailableTcpPort();

	private static final String READINESS = "/actuator/health/readiness";

	@RegisterExtension
	static WireMockExtension first = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.resetOnEachTest(false)
		.build();

	@RegisterExtension
	static WireMockExtension second = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.resetOnEachTest(false)
		.build();

	@DynamicPropertySource
	static void twoInstancesOfEachServiceOneUserServiceDead(DynamicPropertyRegistry registry) {
		// Ready before the gateway first asks.
		first.stubFor(get(urlEqualTo(READINESS)).willReturn(okJson("{\"status\":\"UP\"}")));
		second.stubFor(get(urlEqualTo(READINESS)).willReturn(okJson("{\"status\":\"UP\"}")));
		registry.add("littlethreads.routes.catalog-uris", () -> first.baseUrl() + "," + second.baseUrl());
		registry.add("littlethreads.routes.payment-uris", () -> first.baseUrl() + "," + second.baseUrl());
		registry.add("littlethreads.routes.user-uris", () -> first.baseUrl() + ",http://127.0.0.1:" + DEAD_PORT + "/");
		registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "200ms");
	}

	WebTestClient client;

	// Longer than the default 5 s: a loaded machine, not what these tests are about.
	@Autowired
	void client(WebTestClient client) {
		this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void requestsAreSpreadOverEveryInstance() {
		first.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[\"tops\"]")));
		second.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[\"tops\"]")));
		awaitChecked();

		for (int i = 0; i < 6; i++) {
			this.client.get().uri("/api/catalog/categories").exchange().expectStatus().isOk();
		}

		// Round-robin; while a round of health checks is answered the list may briefly
		// hold only the instance that answered first, so the split need not be exact.
		assertThat(first.findAll(getRequestedFor(urlEqualTo("/api/catalog/categories")))).isNotEmpty();
		assertThat(second.findAll(getRequestedFor(urlEqualTo("/api/catalog/categories")))).isNotEmpty();
	}

	@Test
	void withOneOfTwoInstancesDeadEveryReadSucceeds() {
		first.stubFor(get(urlEqualTo("/api/users/me")).willReturn(okJson("{\"id\":\"u-1\"}")));

		for (int i = 0; i < 10; i++) {
			this.client.get()
				.uri("/api/users/me")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.id")
				.isEqualTo("u-1");
		}
		first.verify(10, getRequestedFor(urlEqualTo("/api/users/me")));
	}

	@Test
	void anInstanceWhoseReadinessIsDownGetsNoRequestsUntilItIsReadyAgain() {
		first.stubFor(get(urlEqualTo("/api/orders/o-1")).willReturn(okJson("{\"id\":\"o-1\"}")));
		second.stubFor(get(urlEqualTo("/api/orders/o-1")).willReturn(okJson("{\"id\":\"o-1\"}")));
		awaitChecked();

		// The second instance is stopping: it still answers, but says it takes no
		// traffic.
		second.stubFor(get(urlEqualTo(READINESS)).willReturn(serviceUnavailable()));
		awaitChecked();
		int beforeDown = second.findAll(getRequestedFor(urlEqualTo("/api/orders/o-1"))).size();
		for (int i = 0; i < 6; i++) {
			this.client.get().uri("/api/orders/o-1").exchange().expectStatus().isOk();
		}
		assertThat(second.findAll(getRequestedFor(urlEqualTo("/api/orders/o-1")))).hasSize(beforeDown);

		second.stubFor(get(urlEqualTo(READINESS)).willReturn(okJson("{\"status\":\"UP\"}")));
		awaitChecked();
		for (int i = 0; i < 6; i++) {
			this.client.get().uri("/api/orders/o-1").exchange().expectStatus().isOk();
		}
		assertThat(second.findAll(getRequestedFor(urlEqualTo("/api/orders/o-1")))).hasSizeGreaterThan(beforeDown);
	}

	/**
	 * Waits until both instances have been asked three more times than now. The gateway
	 * asks again only once every instance has answered, so the third ask means the round
	 * of the second is complete, and that round began after whatever the test changed.
	 */
	private static void awaitChecked() {
		int firstChecks = first.findAll(getRequestedFor(urlEqualTo(READINESS))).size();
		int secondChecks = second.findAll(getRequestedFor(urlEqualTo(READINESS))).size();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (first.findAll(getRequestedFor(urlEqualTo(READINESS))).size() < firstChecks + 3
				|| second.findAll(getRequestedFor(urlEqualTo(READINESS))).size() < secondChecks + 3) {
			assertThat(Instant.now()).as("the gateway checks both instances' readiness").isBefore(deadline);
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
