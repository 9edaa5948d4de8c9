package com.littlethreads.gateway.site;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The storefront's pages carry the headers its build wrote (static-site's
 * {@code security-headers}), and HSTS when the request came over HTTPS; the API's answers
 * do not get the pages' policies. The test client on loopback plays a TLS proxy.
 */
@TestPropertySource(properties = "littlethreads.trusted-proxies=127.0.0.1/32,::1/128")
class SiteSecurityHeadersTests extends UpstreamGatewayTest {

	private static final String HSTS = "max-age=31536000; includeSubDomains";

	@DynamicPropertySource
	static void site(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.site.dir", () -> SiteServingTests.ROOT.resolve("site").toString());
	}

	@Test
	void aSitePageCarriesTheSitesContentSecurityAndPermissionsPolicies() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Security-Policy", SiteHeadersFixture.value("Content-Security-Policy"))
			.expectHeader()
			.valueEquals("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Cache-Control", "no-cache")
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void aSitePageReachedOverHttpsAlsoCarriesHsts() {
		this.client.get()
			.uri("/products/sunny-tee/")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", HSTS)
			.expectHeader()
			.valueEquals("Content-Security-Policy", SiteHeadersFixture.value("Content-Security-Policy"));
	}

	@Test
	void theSitesNotFoundPageRedirectsAndRevalidationsCarryThePoliciesToo() {
		expectPolicies(this.client.get().uri("/products/no-such-thing/").exchange().expectStatus().isNotFound());
		expectPolicies(this.client.get().uri("/products/sunny-tee").exchange().expectStatus().isEqualTo(301));
		String etag = this.client.get().uri("/").exchange().returnResult(String.class).getResponseHeaders().getETag();
		expectPolicies(
				this.client.get().uri("/").header("If-None-Match", etag).exchange().expectStatus().isNotModified());
	}

	@Test
	void apiAnswersGetHstsOverHttpsButNotThePagesPolicies() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		for (String path : new String[] { "/api/catalog/products", "/api/no-such-thing",
				"/v3/api-docs/swagger-config" }) {
			this.client.get()
				.uri(path)
				.header("X-Forwarded-Proto", "https")
				.exchange()
				.expectHeader()
				.doesNotExist("Content-Security-Policy")
				.expectHeader()
				.doesNotExist("Permissions-Policy")
				.expectHeader()
				.valueEquals("Strict-Transport-Security", HSTS)
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff");
		}
	}

	private static void expectPolicies(WebTestClient.ResponseSpec response) {
		response.expectHeader()
			.valueEquals("Content-Security-Policy", SiteHeadersFixture.value("Content-Security-Policy"))
			.expectHeader()
			.valueEquals("Permissions-Policy", SiteHeadersFixture.value("Permissions-Policy"));
	}

}
