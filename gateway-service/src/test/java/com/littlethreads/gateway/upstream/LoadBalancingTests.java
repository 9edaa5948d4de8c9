package com.littlethreads.gateway.upstream;

import java.io.IOException;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.GatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two catalog instances behind one route. Requests are spread over both; with one of them
 * gone, reads still succeed because they are retried on the other.
 */
@GatewayTest
class LoadBalancingTests {

	private static final int DEAD_PORT = closedPort();

	@RegisterExtension
	static WireMockExtension first = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension second = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void twoCatalogsAndTwoUserServicesOneDead(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.routes.catalog-uris", () -> first.baseUrl() + "," + second.baseUrl());
		registry.add("littlethreads.routes.user-uris", () -> first.baseUrl() + ",http://127.0.0.1:" + DEAD_PORT + "/");
	}

	@Autowired
	WebTestClient client;

	@Test
	void requestsAreSpreadOverEveryInstance() {
		first.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[\"tops\"]")));
		second.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[\"tops\"]")));

		for (int i = 0; i < 6; i++) {
			this.client.get().uri("/api/catalog/categories").exchange().expectStatus().isOk();
		}

		assertThat(first.findAll(getRequestedFor(urlEqualTo("/api/catalog/categories")))).hasSize(3);
		assertThat(second.findAll(getRequestedFor(urlEqualTo("/api/catalog/categories")))).hasSize(3);
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

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
