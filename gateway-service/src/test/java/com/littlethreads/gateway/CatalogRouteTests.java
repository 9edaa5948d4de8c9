package com.littlethreads.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

class CatalogRouteTests extends UpstreamGatewayTest {

	private static final String PRODUCTS = """
			{"items":[{"slug":"striped-tee","name":"Striped tee","price":{"amount":1200,"currency":"GBP"}}],"total":1}""";

	/**
	 * Unchanged but for the validator: the gateway may gzip a public catalog read, so it
	 * passes the service's strong tag on weak (PublicReadCompressionTests).
	 */
	@Test
	void catalogRequestIsProxiedWithPathQueryAndResponseUnchanged() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products?category=tops"))
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
			.valueEquals("ETag", "W/\"products-v7\"")
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=60")
			.expectBody(String.class)
			.isEqualTo(PRODUCTS);
		upstream.verify(1, getRequestedFor(urlEqualTo("/api/catalog/products?category=tops")));
	}

	@Test
	void serviceErrorIsPassedThroughUnchanged() {
		String problem = """
				{"type":"https://littlethreads.shop/problems/product-not-found","title":"Product not found","status":404}""";
		upstream.stubFor(get(urlEqualTo("/api/catalog/products/no-such-tee")).willReturn(
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
		upstream.stubFor(
				get(urlEqualTo("/api/catalog/products/striped-tee")).withHeader("If-None-Match", equalTo("\"tee-v3\""))
					.willReturn(aResponse().withStatus(304).withHeader("ETag", "\"tee-v3\"")));

		this.client.get()
			.uri("/api/catalog/products/striped-tee")
			.header("If-None-Match", "\"tee-v3\"")
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals("ETag", "W/\"tee-v3\"")
			.expectBody()
			.isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "POST, /internal/inventory/reserve", "GET, /internal/inventory", "GET, /actuator/env",
			"GET, /actuator/heapdump", "GET, /api/internal/inventory", "GET, /api/catalog-internal/stock",
			"GET, /catalog-service/actuator/env" })
	void pathsOutsideThePublicPrefixAreNeverProxied(HttpMethod method, String path) {
		Unrouted.assertNeverProxied(this.client, upstream, method, path);
	}

}
