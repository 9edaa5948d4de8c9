package com.littlethreads.gateway.problem;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.GatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A service slower than the response timeout. The timeout is cut to 1 s here so that the
 * test stays fast; the behaviour is the same at the real 10 s.
 */
@GatewayTest
@TestPropertySource(properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
class UpstreamTimeoutTests {

	@RegisterExtension
	static WireMockExtension catalog = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void catalogUri(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.routes.catalog-uris", catalog::baseUrl);
	}

	@Autowired
	WebTestClient client;

	@Test
	void serviceSlowerThanTheResponseTimeoutIsGatewayTimeoutProblem() {
		catalog.stubFor(
				get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{\"items\":[]}").withFixedDelay(3000)));

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
	}

}
