package com.littlethreads.gateway.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.littlethreads.gateway.UpstreamGatewayTest;
import com.littlethreads.platform.test.RawHttp;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Netty and Spring's adapter refuse before any filter runs, over a raw socket: each
 * refusal is a problem with a request id, and nothing reaches a service.
 */
class BareRejectionTests extends UpstreamGatewayTest {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@LocalServerPort
	int port;

	@Test
	void aRequestLineOverNettysLimitIsAUriTooLongProblem() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		RawHttp.Response response = RawHttp.get(this.port, "/api/catalog/products?q=" + "a".repeat(9000));

		assertProblem(response, 414, "uri-too-long");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aHeaderBlockOverNettysCeilingIsAHeaderFieldsTooLargeProblem() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		RawHttp.Response response = RawHttp.get(this.port, "/api/catalog/products", "X-Padding: " + "a".repeat(70_000));

		assertProblem(response, 431, "request-header-fields-too-large");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "GARBAGE\r\n\r\n", "GET /api/catalog/products HTTP/1.1 extra\r\nHost: x\r\n\r\n",
			"GET /api/catalog/a\tb HTTP/1.1\r\nHost: x\r\n\r\n",
			"GET /api/catalog/a\u0001b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
			"GET /api/catalog/products HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n" })
	void aRequestNettyCannotParseIsABadRequestProblem(String request) {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		assertProblem(RawHttp.send(this.port, request), 400, "bad-request");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/catalog/a\\b", "/api/catalog/a%zzb", "/api/catalog/a%", "/api/catalog/{x}",
			"/api/catalog/products?q=a|b", "/api/catalog/products?q=%zz", "/api/catalog/a\"b", "/api/catalog/a<b>" })
	void aUriSpringCannotParseIsABadRequestProblemUnderTheCallersRequestId(String path) {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		RawHttp.Response response = RawHttp.get(this.port, path, "X-Request-Id: bare-1");

		assertProblem(response, 400, "bad-request");
		assertThat(response.header("X-Request-Id")).isEqualTo("bare-1");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRequestIdThatWillNotDoIsReplacedInABareAnswerToo() {
		RawHttp.Response response = RawHttp.get(this.port, "/api/catalog/a\\b", "X-Request-Id: not one ${jndi}");

		assertProblem(response, 400, "bad-request");
		assertThat(response.header("X-Request-Id")).isNotEqualTo("not one ${jndi}")
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	}

	@Test
	void pipelinedRequestsKeepTheirOwnRequestIds() {
		upstream.stubFor(any(anyUrl()).willReturn(okJson("{}")));

		String answers = RawHttp.sendKeepingTheConnection(this.port,
				"GET /api/catalog/products HTTP/1.1\r\nHost: x\r\nX-Request-Id: pipe-a\r\n\r\n"
						+ "GET /api/catalog/a\\b HTTP/1.1\r\nHost: x\r\nX-Request-Id: pipe-b\r\n\r\n"
						+ "GET /api/catalog/products HTTP/1.1\r\nHost: x\r\nX-Request-Id: pipe-c\r\n\r\n");

		int first = answers.indexOf("HTTP/1.1 200");
		int second = answers.indexOf("HTTP/1.1 400");
		int third = answers.indexOf("HTTP/1.1 200", second);
		assertThat(first).isNotNegative().isLessThan(second);
		assertThat(third).isGreaterThan(second);
		assertThat(answers.substring(first, second)).containsIgnoringCase("X-Request-Id: pipe-a");
		assertThat(answers.substring(second, third)).containsIgnoringCase("X-Request-Id: pipe-b")
			.contains("\"type\":\"" + PROBLEMS + "bad-request\"")
			.contains("\"requestId\":\"pipe-b\"");
		assertThat(answers.substring(third)).containsIgnoringCase("X-Request-Id: pipe-c");
	}

	@Test
	void theGatewaysOwnAndProxiedAnswersAreLeftAlone() {
		upstream.stubFor(any(anyUrl()).willReturn(ok().withStatus(404)));

		RawHttp.Response proxied = RawHttp.get(this.port, "/api/catalog/products/none", "X-Request-Id: own-1");

		assertThat(proxied.status()).isEqualTo(404);
		assertThat(proxied.header("Content-Type")).isNull();
		assertThat(proxied.text()).doesNotContain("problems");
	}

	private static void assertProblem(RawHttp.Response response, int status, String type) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		String requestId = response.header("X-Request-Id");
		assertThat(requestId).isNotBlank();
		assertThat(response.text()).contains("\"type\":\"" + PROBLEMS + type + "\"")
			.contains("\"status\":" + status)
			.contains("\"requestId\":\"" + requestId + "\"")
			.doesNotContain("Exception");
	}

}
