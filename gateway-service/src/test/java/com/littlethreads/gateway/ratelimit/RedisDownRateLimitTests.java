package com.littlethreads.gateway.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.GatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Redis is configured but nothing answers: the gateway starts, and requests pass without
 * limits (fail open, on purpose: see {@link RedisBucketStore}).
 */
@GatewayTest
@TestPropertySource(properties = "littlethreads.rate-limits.client.capacity=2")
class RedisDownRateLimitTests {

	@RegisterExtension
	static WireMockExtension catalog = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.routes.catalog-uris", catalog::baseUrl);
		registry.add("littlethreads.rate-limits.redis-url", () -> "redis://127.0.0.1:" + closedPort());
	}

	@Autowired
	WebTestClient client;

	@Test
	void requestsPassUnlimitedWhileRedisIsUnreachable() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		for (int i = 0; i < 6; i++) {
			this.client.get().uri("/api/catalog/products").exchange().expectStatus().isOk();
		}
		catalog.verify(6, getRequestedFor(urlEqualTo("/api/catalog/products")));
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
