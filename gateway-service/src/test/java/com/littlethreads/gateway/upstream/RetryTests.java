package com.littlethreads.gateway.upstream;

import java.io.IOException;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.GatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Reads are retried on a 503 or a failed connection; writes never are, since the first
 * attempt may already have changed something.
 */
@GatewayTest
class RetryTests {

	private static final int DEAD_PORT = closedPort();

	@RegisterExtension
	static WireMockExtension catalog = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension payments = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.routes.catalog-uris", catalog::baseUrl);
		// One live and one dead payment-service instance.
		registry.add("littlethreads.routes.payment-uris", () -> payments.baseUrl() + ",http://127.0.0.1:" + DEAD_PORT);
	}

	@Autowired
	WebTestClient client;

	@Test
	void readAnsweredServiceUnavailableOnceSucceedsOnTheRetry() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/products")).inScenario("restarting")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(serviceUnavailable())
			.willSetStateTo("up"));
		catalog.stubFor(get(urlEqualTo("/api/catalog/products")).inScenario("restarting")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"items\":[]}")));

		this.client.get()
			.uri("/api/catalog/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"items\":[]}");
		catalog.verify(2, getRequestedFor(urlEqualTo("/api/catalog/products")));
	}

	@Test
	void serverErrorOtherThanServiceUnavailableIsNotRetried() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/broken")).willReturn(serverError()));

		this.client.get().uri("/api/catalog/broken").exchange().expectStatus().isEqualTo(500);
		catalog.verify(1, getRequestedFor(urlEqualTo("/api/catalog/broken")));
	}

	@Test
	void postAnsweredServiceUnavailableIsNeverRetried() {
		catalog.stubFor(post(urlEqualTo("/api/catalog/admin/products")).willReturn(serviceUnavailable()));

		this.client.post()
			.uri("/api/catalog/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"slug\":\"striped-tee\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		catalog.verify(1, postRequestedFor(urlEqualTo("/api/catalog/admin/products")));
	}

	@Test
	void postToADeadInstanceIsNeverRetriedOnTheLiveOne() {
		payments.stubFor(post(urlEqualTo("/api/checkout"))
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{}")));

		int created = 0;
		int unavailable = 0;
		for (int i = 0; i < 4; i++) {
			int status = this.client.post()
				.uri("/api/checkout")
				.header("Idempotency-Key", "checkout-key-" + i)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"lines\":[]}")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			created += (status == 201) ? 1 : 0;
			unavailable += (status == 503) ? 1 : 0;
		}

		// Round-robin over two instances: half the checkouts met the dead one, and none
		// of
		// them was sent again to the live one.
		org.assertj.core.api.Assertions.assertThat(created).isEqualTo(2);
		org.assertj.core.api.Assertions.assertThat(unavailable).isEqualTo(2);
		payments.verify(2, postRequestedFor(urlEqualTo("/api/checkout")));
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
