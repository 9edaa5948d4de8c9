package com.littlethreads.gateway.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SiteServingTests extends UpstreamGatewayTest {

	static final Path ROOT = createSite();

	@DynamicPropertySource
	static void site(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.site.dir", () -> ROOT.resolve("site").toString());
	}

	@LocalServerPort
	int port;

	@Test
	void rootServesTheHomePageRevalidatedEveryTime() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectHeader()
			.valueEquals("Cache-Control", "no-cache")
			.expectHeader()
			.exists("ETag")
			.expectHeader()
			.exists("Last-Modified")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(String.class)
			.isEqualTo("<p>home</p>");
	}

	@Test
	void directoryUrlServesItsIndexAndWithoutTheSlashRedirectsToIt() {
		this.client.get()
			.uri("/products/sunny-tee/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("<p>sunny tee</p>");
		this.client.get()
			.uri("/products/sunny-tee?colour=navy")
			.exchange()
			.expectStatus()
			.isEqualTo(301)
			.expectHeader()
			.valueEquals("Location", "/products/sunny-tee/?colour=navy");
	}

	@Test
	void unknownPathGetsTheSitesNotFoundPageWithStatus404() {
		this.client.get()
			.uri("/products/no-such-thing/")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectBody(String.class)
			.isEqualTo("<p>not found page</p>");
		this.client.get()
			.uri("/empty-directory/")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.isEqualTo("<p>not found page</p>");
	}

	@Test
	void fingerprintedAssetsAreCachedForeverOtherFilesRevalidated() {
		this.client.get()
			.uri("/assets/site.0123456789.css")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/css;charset=UTF-8")
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=31536000, immutable");
		this.client.get()
			.uri("/assets/app.0123456789.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/javascript;charset=UTF-8")
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=31536000, immutable");
		this.client.get()
			.uri("/robots.txt")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "no-cache");
	}

	@Test
	void unchangedFilesAnswer304ToConditionalRequests() {
		String etag = this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();

		this.client.get()
			.uri("/")
			.header("If-None-Match", etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals("ETag", etag)
			.expectBody()
			.isEmpty();
		this.client.get().uri("/").header("If-None-Match", "\"something-else\"").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/")
			.header("If-Modified-Since",
					DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1)))
			.exchange()
			.expectStatus()
			.isNotModified();
		this.client.get()
			.uri("/")
			.header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void headAnswersTheHeadersWithoutABody() {
		this.client.head()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "no-cache")
			.expectBody()
			.isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/catalog/products", "/api/users/me", "/.well-known/jwks.json" })
	void apiPathsReachTheServicesEvenWhenTheSiteHasSuchAFile(String path) {
		upstream.stubFor(get(urlEqualTo(path)).willReturn(ok("from the service")));

		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("from the service");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/not-routed", "/actuator/secret.txt", "/v3/api-docs/secret.txt",
			"/swagger-ui/secret.txt", "/API/catalog/products" })
	void reservedPathsAreNeverAnsweredFromTheSite(String path) {
		upstream.stubFor(get(anyUrl()).willReturn(ok("from the service")));

		this.client.get()
			.uri(path)
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("site file").doesNotContain("not found page"));
	}

	@Test
	void actuatorIsNeitherASiteFileNorServedOnThePublicPort() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/../outside.txt", "/%2e%2e/outside.txt", "/products/%2E%2E/%2e%2e/outside.txt",
			"/%2e%2e%2foutside.txt", "/products%2f..%2f..%2foutside.txt", "/..%5coutside.txt", "/leak/outside.txt",
			"/leak", "/.hidden", "/products/./sunny-tee/", "/%2fetc/passwd", "//outside.txt", "/%00" })
	void pathsLeavingTheSiteOrNamingHiddenFilesGetTheNotFoundPage(String path) {
		this.client.get()
			.uri(URI.create("http://localhost:" + this.port + path))
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("secret outside the site").doesNotContain("hidden file"));
	}

	@Test
	void aLinkInsideTheSiteLeadingOutOfItIsNotFollowed() {
		this.client.get()
			.uri("/leak/outside.txt")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.isEqualTo("<p>not found page</p>");
	}

	private static Path createSite() {
		try {
			Path root = Files.createTempDirectory("site-serving");
			Path site = root.resolve("site");
			write(site.resolve("index.html"), "<p>home</p>");
			SiteHeadersFixture.write(site);
			write(site.resolve("404.html"), "<p>not found page</p>");
			write(site.resolve("products/sunny-tee/index.html"), "<p>sunny tee</p>");
			write(site.resolve("assets/site.0123456789.css"), "body{}");
			write(site.resolve("assets/app.0123456789.js"), "export {};");
			write(site.resolve("robots.txt"), "User-agent: *");
			write(site.resolve(".hidden"), "hidden file");
			Files.createDirectories(site.resolve("empty-directory"));
			for (String reserved : new String[] { "api/catalog/products", "api/users/me", ".well-known/jwks.json",
					"api/not-routed", "actuator/secret.txt", "v3/api-docs/secret.txt", "swagger-ui/secret.txt",
					"API/catalog/products" }) {
				write(site.resolve(reserved), "site file");
			}
			write(root.resolve("outside.txt"), "secret outside the site");
			Files.createSymbolicLink(site.resolve("leak"), root);
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
