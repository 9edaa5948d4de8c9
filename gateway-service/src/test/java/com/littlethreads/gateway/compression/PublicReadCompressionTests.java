package com.littlethreads.gateway.compression;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides of the gateway's compression rule ({@link PublicReads}): public catalog
 * reads reach a browser compressed, with {@code Vary: Accept-Encoding} and validators
 * that still revalidate; answers carrying tokens or personal data are never compressed,
 * however large and whatever the client accepts (BREACH).
 */
class PublicReadCompressionTests extends UpstreamGatewayTest {

	/** A 24-product listing, as large as the search page's (about 6 KB). */
	static final String LISTING = listing(24);

	/**
	 * What a sign-in or refresh answers: a token, large enough to be worth compressing.
	 */
	static final String TOKENS = """
			{"accessToken":"eyJhbGciOiJSUzI1NiJ9.%s.c2lnbmF0dXJl","tokenType":"Bearer","expiresIn":900}"""
		.formatted("eyJzdWIiOiJ1c2VyLTEyMyJ9".repeat(60));

	/** What a profile or the orders list answers: personal data. */
	static final String PERSONAL = """
			{"email":"bea@example.com","displayName":"Bea","addresses":[%s]}""".formatted(
			"{\"name\":\"Bea Shopper\",\"line1\":\"1 Market Street\",\"city\":\"Leeds\",\"postalCode\":\"LS1 1AA\"},"
				.repeat(30) + "{}");

	@LocalServerPort
	int port;

	ConnectionProvider oneConnection;

	/**
	 * Shows the bytes as the gateway sent them. Boot's own client asks for gzip whatever
	 * a test says and decompresses on its own. One connection, kept alive, so that
	 * consecutive requests share it.
	 */
	WebTestClient wire;

	@BeforeEach
	void clientThatDoesNotDecompress() {
		this.oneConnection = ConnectionProvider.create("one", 1);
		this.wire = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(this.oneConnection)))
			.baseUrl("http://localhost:" + this.port)
			.build();
	}

	@AfterEach
	void closeConnection() {
		this.oneConnection.dispose();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/catalog/products?category=tops&size=4T", "/api/catalog/products/striped-tee",
			"/api/catalog/categories", "/api/catalog/products/striped-tee/availability",
			"/api/catalog/variants?sku=LT-1" })
	void catalogReadsAreSentGzippedToABrowser(String path) {
		upstream.stubFor(get(urlEqualTo(path)).willReturn(json(LISTING).withHeader("ETag", "\"v7\"")));

		EntityExchangeResult<byte[]> result = call(HttpMethod.GET, path, "gzip, deflate, br, zstd", null);

		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		assertThat(result.getResponseBody().length).isLessThan(LISTING.length() / 3);
		assertThat(gunzip(result.getResponseBody())).isEqualTo(LISTING);
		assertThat(result.getResponseHeaders().getVary()).contains("Accept-Encoding");
		assertThat(result.getResponseHeaders().getContentType()).hasToString("application/json");
	}

	@Test
	void aCompressedListingKeepsItsCachingAndGetsAWeakTagThatStillRevalidates() {
		String path = "/api/catalog/products?category=tops";
		upstream.stubFor(get(urlEqualTo(path)).willReturn(
				json(LISTING).withHeader("ETag", "\"list-v7\"").withHeader("Cache-Control", "public, max-age=60")));
		// The catalog compares If-None-Match weakly (as RFC 9110 says for GET), so the
		// weak tag the browser kept matches its strong one.
		upstream.stubFor(get(urlEqualTo(path)).withHeader("If-None-Match", equalTo("W/\"list-v7\""))
			.willReturn(aResponse().withStatus(304)
				.withHeader("ETag", "\"list-v7\"")
				.withHeader("Cache-Control", "public, max-age=60")));

		EntityExchangeResult<byte[]> first = call(HttpMethod.GET, path, "gzip", null);
		assertThat(first.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		assertThat(first.getResponseHeaders().getETag()).isEqualTo("W/\"list-v7\"");
		assertThat(first.getResponseHeaders().getCacheControl()).isEqualTo("public, max-age=60");

		EntityExchangeResult<byte[]> revalidated = call(HttpMethod.GET, path, "gzip",
				first.getResponseHeaders().getETag());

		assertThat(revalidated.getStatus().value()).isEqualTo(304);
		assertThat(revalidated.getResponseBody()).isNull();
		assertThat(revalidated.getResponseHeaders().getETag()).as("the tag the browser holds")
			.isEqualTo("W/\"list-v7\"");
		assertThat(revalidated.getResponseHeaders().getVary()).contains("Accept-Encoding");
		upstream.verify(getRequestedFor(urlEqualTo(path)).withHeader("If-None-Match", equalTo("W/\"list-v7\"")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "identity", "gzip;q=0", "br" })
	void aClientThatAcceptsNoGzipGetsTheSameAnswerUncompressedWithTheSameVaryAndTag(String acceptEncoding) {
		String path = "/api/catalog/products?category=bottoms";
		upstream.stubFor(get(urlEqualTo(path)).willReturn(json(LISTING).withHeader("ETag", "\"list-v8\"")));

		EntityExchangeResult<byte[]> result = call(HttpMethod.GET, path,
				acceptEncoding.isEmpty() ? null : acceptEncoding, null);

		assertThat(result.getResponseHeaders().containsHeader("Content-Encoding")).isFalse();
		assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(LISTING);
		assertThat(result.getResponseHeaders().getVary()).contains("Accept-Encoding");
		assertThat(result.getResponseHeaders().getETag()).isEqualTo("W/\"list-v8\"");
	}

	@Test
	void aSmallCatalogAnswerIsSentAsItIs() {
		String small = "[{\"category\":\"tops\",\"label\":\"Tops\",\"count\":14}]";
		upstream.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(json(small)));

		EntityExchangeResult<byte[]> result = call(HttpMethod.GET, "/api/catalog/categories", "gzip", null);

		assertThat(result.getResponseHeaders().containsHeader("Content-Encoding")).isFalse();
		assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(small);
	}

	@ParameterizedTest
	@ValueSource(ints = { 404, 500 })
	void aCatalogReadThatFailsIsSentAsItIs(int status) {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products/gone"))
			.willReturn(json(LISTING).withStatus(status).withHeader("Content-Type", "application/problem+json")));

		EntityExchangeResult<byte[]> result = call(HttpMethod.GET, "/api/catalog/products/gone", "gzip", null);

		assertThat(result.getStatus().value()).isEqualTo(status);
		assertThat(result.getResponseHeaders().containsHeader("Content-Encoding")).isFalse();
		assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(LISTING);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			POST | /api/auth/login            | TOKENS   |
			POST | /api/auth/refresh          | TOKENS   |
			POST | /api/auth/register         | PERSONAL |
			GET  | /api/users/me              | PERSONAL | Bearer eyJ.user.token
			GET  | /api/users/me/addresses    | PERSONAL | Bearer eyJ.user.token
			GET  | /api/orders?page=0         | PERSONAL | Bearer eyJ.user.token
			GET  | /api/orders/ord_1          | PERSONAL |
			POST | /api/checkout              | PERSONAL |
			""")
	void answersWithTokensOrPersonalDataAreNeverCompressed(HttpMethod method, String path, String body,
			String authorization) {
		String answer = body.equals("TOKENS") ? TOKENS : PERSONAL;
		upstream.stubFor(
				request(method.name(), urlEqualTo(path)).willReturn(json(answer).withHeader("ETag", "\"personal-v1\"")
					.withHeader("Set-Cookie", "refresh=secret; Path=/api/auth; HttpOnly")));

		EntityExchangeResult<byte[]> result = call(method, path, "gzip, deflate, br", null, (headers) -> {
			if (authorization != null) {
				headers.set("Authorization", authorization);
			}
			headers.set("X-Order-Token", "tok_guest");
		});

		assertThat(result.getResponseHeaders().containsHeader("Content-Encoding")).isFalse();
		assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(answer);
		assertThat(result.getResponseHeaders().getETag()).as("untouched").isEqualTo("\"personal-v1\"");
	}

	@Test
	void catalogAnswersThatMayBePersonalAreNeverCompressed() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products?q=a")).willReturn(json(LISTING)));
		upstream.stubFor(get(urlEqualTo("/api/catalog/admin/products")).willReturn(json(LISTING)));
		upstream.stubFor(get(urlEqualTo("/api/catalog/Admin/products")).willReturn(json(LISTING)));
		upstream.stubFor(get(urlEqualTo("/api/catalog/admin")).willReturn(json(LISTING)));
		upstream.stubFor(get(urlEqualTo("/api/catalog/products?q=cookie"))
			.willReturn(json(LISTING).withHeader("Set-Cookie", "session=secret")));
		upstream.stubFor(get(urlEqualTo("/api/catalog/products?q=private"))
			.willReturn(json(LISTING).withHeader("Cache-Control", "private, max-age=60")));

		assertUncompressed(call(HttpMethod.GET, "/api/catalog/products?q=a", "gzip", null,
				(headers) -> headers.set("Authorization", "Bearer eyJ.user.token")), "with credentials");
		assertUncompressed(call(HttpMethod.GET, "/api/catalog/admin/products", "gzip", null), "the admin API");
		assertUncompressed(call(HttpMethod.GET, "/api/catalog/Admin/products", "gzip", null),
				"the admin API in other letter case");
		assertUncompressed(call(HttpMethod.GET, "/api/catalog/admin", "gzip", null), "the admin API's root");
		assertUncompressed(call(HttpMethod.GET, "/api/catalog/products?q=cookie", "gzip", null), "setting a cookie");
		assertUncompressed(call(HttpMethod.GET, "/api/catalog/products?q=private", "gzip", null), "marked private");
	}

	@Test
	void aCompressedCatalogReadLeavesTheNextAnswerOnTheSameConnectionUncompressed() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(json(LISTING)));
		upstream.stubFor(post(urlEqualTo("/api/auth/refresh")).willReturn(json(TOKENS)));

		EntityExchangeResult<byte[]> listing = call(HttpMethod.GET, "/api/catalog/products", "gzip", null);
		EntityExchangeResult<byte[]> tokens = call(HttpMethod.POST, "/api/auth/refresh", "gzip", null);
		EntityExchangeResult<byte[]> again = call(HttpMethod.GET, "/api/catalog/products", "gzip", null);

		assertThat(listing.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		assertUncompressed(tokens, "a refresh after a compressed read");
		assertThat(new String(tokens.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(TOKENS);
		assertThat(again.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		assertThat(upstream.getAllServeEvents()).hasSize(3);
	}

	private static void assertUncompressed(EntityExchangeResult<byte[]> result, String description) {
		assertThat(result.getStatus().value()).as(description).isEqualTo(200);
		assertThat(result.getResponseHeaders().containsHeader("Content-Encoding")).as(description).isFalse();
		assertThat(result.getResponseHeaders().getVary()).as(description).doesNotContain("Accept-Encoding");
	}

	private EntityExchangeResult<byte[]> call(HttpMethod method, String path, String acceptEncoding,
			String ifNoneMatch) {
		return call(method, path, acceptEncoding, ifNoneMatch, (headers) -> {
		});
	}

	private EntityExchangeResult<byte[]> call(HttpMethod method, String path, String acceptEncoding, String ifNoneMatch,
			Consumer<HttpHeaders> more) {
		return this.wire.method(method).uri(path).headers((headers) -> {
			if (acceptEncoding != null) {
				headers.set("Accept-Encoding", acceptEncoding);
			}
			if (ifNoneMatch != null) {
				headers.set("If-None-Match", ifNoneMatch);
			}
			more.accept(headers);
		}).exchange().expectBody(byte[].class).returnResult();
	}

	/** As the catalog answers: with its length (its ETag filter buffers the body). */
	private static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
			.withBody(body);
	}

	private static String gunzip(byte[] gzipped) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String listing(int count) {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < count; i++) {
			items.append((i > 0) ? "," : "")
				.append("""
						{"slug":"tee-%d","name":"Striped tee %d","category":"tops","gender":"unisex",\
						"price":{"amount":1200,"currency":"GBP"},"image":{"url":"/api/catalog/images/tops/navy.svg",\
						"alt":"Striped tee in navy","width":480,"height":480},"sizes":["2T","3T","4T"],\
						"colours":["navy","red"],"inStock":true,"featured":false,"createdAt":"2026-11-01T10:00:00Z"}"""
					.formatted(i, i));
		}
		return "{\"items\":[" + items + "],\"page\":0,\"pageSize\":24,\"total\":" + count + "}";
	}

}
