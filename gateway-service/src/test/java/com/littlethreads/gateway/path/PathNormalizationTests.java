package com.littlethreads.gateway.path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.littlethreads.gateway.UpstreamGatewayTest;
import com.littlethreads.platform.test.RawHttp;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path rule at the edge: one normalised path for every hop, or a 400 problem before
 * anything is proxied.
 */
class PathNormalizationTests extends UpstreamGatewayTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource({ "/%61pi/catalog/%70roducts?q=a%20b, /api/catalog/products?q=a%20b",
			"/api/catalog/products/%7Esunny%2Dtee%5F2, /api/catalog/products/~sunny-tee_2",
			"/api/catalog/products/%c3%a9t%c3%a9, /api/catalog/products/%C3%A9t%C3%A9",
			"/api/catalog/products/a%3Bb%25c%3Fd, /api/catalog/products/a%3Bb%25c%3Fd",
			"/api/catalog/products/, /api/catalog/products/" })
	void theServiceReceivesTheNormalisedPath(String sent, String proxied) {
		upstream.stubFor(any(anyUrl()).willReturn(ok("proxied")));

		RawHttp.Response response = RawHttp.get(this.port, sent);

		assertThat(response.status()).isEqualTo(200);
		assertThat(upstream.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getUrl()).isEqualTo(proxied));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/catalog/a%2Fb", "/api/catalog/a%2fb", "/api/catalog/a%5Cb", "/api/catalog/a%00b",
			"/api/catalog/%2e%2e/%2e%2e/internal/inventory", "/api/catalog/%2E/products", "/api/catalog/.%2e/x",
			"/api/catalog/../../internal/inventory", "/api/catalog/./products", "/api/catalog/..",
			"/api//catalog/products", "//api/catalog/products", "/api/catalog/a%0Ab", "/api/catalog/a%0d%0aX:%20y",
			"/api/catalog/a%7Fb", "/api/catalog/a%C3%28", "/api/catalog/a%C0%AE", "/api/catalog/a%C2%85b",
			"/api/catalog/a%ED%A0%80", "/api/catalog/a;x=1", "/api/auth/login;jsessionid=1" })
	void aPathThatCannotBeNormalisedSafelyIsRefusedWithAProblemAndNeverProxied(String path) {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		RawHttp.Response response = RawHttp.get(this.port, path, "X-Request-Id: path-" + Math.abs(path.hashCode()));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.header("X-Request-Id")).isEqualTo("path-" + Math.abs(path.hashCode()));
		assertThat(response.text()).contains("\"type\":\"https://littlethreads.shop/problems/invalid-path\"")
			.contains("\"status\":400")
			.contains("\"requestId\":\"path-" + Math.abs(path.hashCode()) + "\"");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theRootAndOrdinaryPathsAreLeftAlone() {
		assertThat(NormalizedPaths.normalize("/")).isEqualTo("/");
		assertThat(NormalizedPaths.normalize("/products/sunny-tee/")).isEqualTo("/products/sunny-tee/");
		assertThat(NormalizedPaths.normalize("/api/catalog/images/tops/yellow.svg"))
			.isEqualTo("/api/catalog/images/tops/yellow.svg");
		assertThat(NormalizedPaths.normalize("/a/...")).isEqualTo("/a/...");
		assertThat(NormalizedPaths.normalize("/a/b:c@d!$&'()*+,=")).isEqualTo("/a/b:c@d!$&'()*+,=");
	}

	@Test
	void encodedUtf8IsCheckedWhateverComesBeforeItInTheSegment() {
		assertThat(NormalizedPaths.normalize("/a%41b%c3%a9%2d")).isEqualTo("/aAb%C3%A9-");
		assertThat(NormalizedPaths.normalize("/a%41b%C3%28")).isNull();
		assertThat(NormalizedPaths.normalize("/%41%C2%9F")).isNull();
		assertThat(NormalizedPaths.normalize("/ok/%E2%82%AC/%F0%9F%91%95")).isEqualTo("/ok/%E2%82%AC/%F0%9F%91%95");
	}

	@Test
	void aPathThatIsNotAbsoluteIsRefused() {
		assertThat(NormalizedPaths.normalize("")).isNull();
		assertThat(NormalizedPaths.normalize("*")).isNull();
		assertThat(NormalizedPaths.normalize(null)).isNull();
	}

	@Test
	void aPercentSignNotFollowedByTwoHexDigitsIsRefused() {
		// At the gateway these never reach the filter: the URI cannot even be parsed, and
		// the answer is a bad-request problem (see BareRejectionTests).
		assertThat(NormalizedPaths.normalize("/api/catalog/a%zzb")).isNull();
		assertThat(NormalizedPaths.normalize("/api/catalog/a%4")).isNull();
		assertThat(NormalizedPaths.normalize("/api/catalog/a%")).isNull();
		assertThat(NormalizedPaths.normalize("/api/catalog/a%%30%30")).isNull();
	}

	@Test
	void rawCharactersAUriMayNotHoldAreRefused() {
		assertThat(NormalizedPaths.normalize("/a\\b")).isNull();
		assertThat(NormalizedPaths.normalize("/a b")).isNull();
		assertThat(NormalizedPaths.normalize("/caf\u00e9")).isNull();
		assertThat(NormalizedPaths.normalize("/a\tb")).isNull();
		assertThat(NormalizedPaths.normalize("/a%\uFF10\uFF10")).isNull();
	}

}
