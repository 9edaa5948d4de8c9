package com.littlethreads.gateway.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the storefront served, every route still answers: the one Swagger UI lists and
 * loads every service's document through the gateway, and no file of the site, nor its
 * 404 page, stands in for a route's path. (The site handler runs before the routes; the
 * documents' {@code /openapi/*} once answered the storefront's 404 page.)
 */
class SiteNeverShadowsRoutesTests extends UpstreamGatewayTest {

	static final Path ROOT = createSite();

	@DynamicPropertySource
	static void site(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.site.dir", () -> ROOT.resolve("site").toString());
	}

	@Test
	void swaggerUiListsEveryDocumentAndEachLoadsThroughTheGateway() {
		upstream.stubFor(get(urlEqualTo("/v3/api-docs")).willReturn(okJson("""
				{"openapi":"3.1.0","info":{"title":"a service","version":"v1"},"paths":{}}""")));
		byte[] config = this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(config).isNotNull();
		String urls = new String(config);
		for (String document : new String[] { "/openapi/catalog", "/openapi/users", "/openapi/payments" }) {
			assertThat(urls).contains("\"url\":\"" + document + "\"");
			this.client.get()
				.uri(document)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.expectBody()
				.jsonPath("$.openapi")
				.isEqualTo("3.1.0");
		}
		upstream.verify(3, getRequestedFor(urlEqualTo("/v3/api-docs")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/openapi/catalog", "/api/catalog/products", "/api/users/me", "/api/orders",
			"/api/checkout", "/.well-known/jwks.json" })
	void aSiteFileAtARoutesPathIsNeverServed(String path) {
		// Any path: the documents' routes rewrite theirs to /v3/api-docs.
		upstream.stubFor(get(anyUrl()).willReturn(okJson("{\"from\":\"the service\"}")));

		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.from")
			.isEqualTo("the service");
	}

	private static Path createSite() {
		try {
			Path root = Files.createTempDirectory("site-shadowing");
			Path site = root.resolve("site");
			write(site.resolve("index.html"), "<p>home</p>");
			SiteHeadersFixture.write(site);
			write(site.resolve("404.html"), "<p>not found page</p>");
			for (String routed : new String[] { "openapi/catalog", "openapi/users/index.html", "api/orders",
					"api/checkout/index.html", "api/catalog/products", "api/users/me", ".well-known/jwks.json" }) {
				write(site.resolve(routed), "site file");
			}
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
