package com.littlethreads.gateway;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

@GatewayTest
class CatalogRouteTests {

	private static final String PRODUCTS = """
			{"items":[{"slug":"striped-tee","name":"Striped tee","price":{"amount":1200,"currency":"GBP"}}],"total":1}""";

	// Jetty's gzip would rewrite the ETag to "...--gzip"; these tests are about what the
	// gateway does to a response, so the upstream sends it as stubbed.
	@RegisterExtension
	static WireMockExtension catalog = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().gzipDisabled(true))
		.build();

	@DynamicPropertySource
	static void catalogUri(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.routes.catalog-uris", catalog::baseUrl);
	}

	@Autowired
	WebTestClient client;

	@Test
	void catalogRequestIsProxiedWithPathQueryAndResponseUnchanged() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/products?category=tops"))
			.willReturn(okJson(PRODUCTS).withHeader("ETag", "\"products-v7\"")
				.withHeader("Cache-Control", "public, max-age=60")));

		this.client.get()
			.uri("/api/catalog/products?category=tops")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals("ETag", "\"products-v7\"")
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=60")
			.expectBody(String.class)
			.isEqualTo(PRODUCTS);
		catalog.verify(1, getRequestedFor(urlEqualTo("/api/catalog/products?category=tops")));
	}

	@Test
	void serviceErrorIsPassedThroughUnchanged() {
		String problem = """
				{"type":"https://littlethreads.shop/problems/product-not-found","title":"Product not found","status":404}""";
		catalog.stubFor(get(urlEqualTo("/api/catalog/products/no-such-tee")).willReturn(
				aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json").withBody(problem)));

		this.client.get()
			.uri("/api/catalog/products/no-such-tee")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.isEqualTo(problem);
	}

	@Test
	void conditionalRequestIsForwardedAndNotModifiedComesBack() {
		catalog.stubFor(
				get(urlEqualTo("/api/catalog/products/striped-tee")).withHeader("If-None-Match", equalTo("\"tee-v3\""))
					.willReturn(aResponse().withStatus(304).withHeader("ETag", "\"tee-v3\"")));

		this.client.get()
			.uri("/api/catalog/products/striped-tee")
			.header("If-None-Match", "\"tee-v3\"")
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals("ETag", "\"tee-v3\"")
			.expectBody()
			.isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "POST, /internal/inventory/reserve", "GET, /internal/inventory", "GET, /actuator/env",
			"GET, /actuator/heapdump", "GET, /api/internal/inventory", "GET, /api/catalog-internal/stock",
			"GET, /catalog-service/actuator/env" })
	void pathsOutsideThePublicPrefixAreNeverProxied(HttpMethod method, String path) {
		Unrouted.assertNeverProxied(this.client, catalog, method, path);
	}

}
