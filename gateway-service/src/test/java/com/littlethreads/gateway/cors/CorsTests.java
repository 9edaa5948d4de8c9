package com.littlethreads.gateway.cors;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class CorsTests extends UpstreamGatewayTest {

	private static final String STOREFRONT = "https://cdn.littlethreads.test";

	private static final String STRANGER = "https://evil.example";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.cors.allowed-origins", () -> "http://localhost:8080," + STOREFRONT);
	}

	@Test
	void preflightFromTheStorefrontIsAnsweredByTheGatewayAndNeverProxied() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		this.client.options()
			.uri("/api/catalog/admin/products")
			.header("Origin", STOREFRONT)
			.header("Access-Control-Request-Method", "PATCH")
			.header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key, X-Order-Token")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", STOREFRONT)
			.expectHeader()
			.valueEquals("Access-Control-Allow-Credentials", "true")
			.expectHeader()
			.valueEquals("Access-Control-Allow-Methods", "GET,HEAD,POST,PUT,PATCH,DELETE")
			.expectHeader()
			.value("Access-Control-Allow-Headers",
					(value) -> assertThat(value.toLowerCase()).contains("authorization", "content-type",
							"idempotency-key", "x-order-token"))
			.expectHeader()
			.valueEquals("Access-Control-Max-Age", "3600")
			.expectHeader()
			.value("Vary", (value) -> assertThat(value).contains("Origin"));
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void preflightForTheJwksIsAnswered() {
		this.client.options()
			.uri("/.well-known/jwks.json")
			.header("Origin", STOREFRONT)
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "X-Request-Id")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", STOREFRONT);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void preflightFromAnUnknownOriginIsRefusedWithoutCorsHeadersAndNeverProxied() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		assertRefusedWithoutCorsHeaders(this.client.options()
			.uri("/api/catalog/products")
			.header("Origin", STRANGER)
			.header("Access-Control-Request-Method", "GET")
			.exchange());
	}

	@Test
	void requestFromTheStorefrontIsProxiedWithOneSetOfCorsHeaders() {
		// A service that adds CORS headers of its own: the caller must see only the
		// gateway's, or the browser refuses the response.
		upstream.stubFor(get(urlEqualTo("/api/catalog/products"))
			.willReturn(okJson("{\"items\":[]}").withHeader("Access-Control-Allow-Origin", "*")
				.withHeader("Access-Control-Allow-Credentials", "false")
				.withHeader("Access-Control-Expose-Headers", "X-Internal")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("Origin", STOREFRONT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("Access-Control-Allow-Origin", STOREFRONT)
			.expectHeader()
			.valuesMatch("Access-Control-Allow-Credentials", "true")
			.expectHeader()
			.value("Access-Control-Expose-Headers",
					(value) -> assertThat(value)
						.contains("X-Request-Id", "ETag", "Location", "Retry-After", "RateLimit-Limit",
								"RateLimit-Remaining", "RateLimit-Reset")
						.doesNotContain("X-Internal"))
			.expectHeader()
			.value("Vary", (value) -> assertThat(value).contains("Origin"))
			.expectBody(String.class)
			.isEqualTo("{\"items\":[]}");
		upstream.verify(1, getRequestedFor(urlEqualTo("/api/catalog/products")));
	}

	@Test
	void requestFromAnUnknownOriginIsRefusedWithoutCorsHeaders() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked").withHeader("Access-Control-Allow-Origin", "*")));

		assertRefusedWithoutCorsHeaders(
				this.client.get().uri("/api/catalog/products").header("Origin", STRANGER).exchange());
	}

	@Test
	void upstreamCorsHeadersNeverReachACallerWithoutOrigin() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products"))
			.willReturn(okJson("{}").withHeader("Access-Control-Allow-Origin", "*")));

		this.client.get()
			.uri("/api/catalog/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin");
	}

	/**
	 * A refused origin gets a 403 problem with no CORS headers, and no service is called.
	 */
	private static void assertRefusedWithoutCorsHeaders(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Credentials")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/forbidden");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

}
