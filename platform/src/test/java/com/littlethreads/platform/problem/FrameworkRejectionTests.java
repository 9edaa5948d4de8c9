package com.littlethreads.platform.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.test.RawHttp;
import com.littlethreads.platform.test.RawHttp.Response;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat and Spring Security's firewall refuse before any controller runs, sent byte
 * for byte over a socket to the real server: every refusal is a problem+json with a
 * request id, never Tomcat's HTML page.
 */
@PlatformTest
class FrameworkRejectionTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/probe/items/a%2Fb", "/probe/items/a%00b", "/probe/items/a%5Cb", "/probe/items/%",
			"/probe/%zz" })
	void pathTomcatCannotDecodeIsABadRequestProblemUnderTheCallersRequestId(String target) {
		Response response = RawHttp.get(this.port, target, "X-Request-Id: raw-url-1");

		JsonNode problem = assertProblem(response, 400, "bad-request");
		assertThat(problem.get("requestId").asString()).isEqualTo("raw-url-1");
		assertThat(response.header("X-Request-Id")).isEqualTo("raw-url-1");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/probe/search?q={x}", "/probe/search?q=a|b", "/probe/search?q=a\\b", "/probe/search?q=`" })
	void rawCharacterTomcatRefusesInAQueryIsABadRequestProblem(String target) {
		// Refused while the request line is read, before any header: the id is a new one.
		Response response = RawHttp.get(this.port, target, "X-Request-Id: raw-url-2");

		assertProblem(response, 400, "bad-request");
	}

	@Test
	void rawSquareBracketsInAQueryAreAcceptedAndTheParametersValidatedAsUsual() {
		Response accepted = RawHttp.get(this.port, "/probe/search?q=[shirts]&filter[size]=4T");
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.json().get("q").asString()).isEqualTo("[shirts]");

		Response invalid = RawHttp.get(this.port, "/probe/items?pageSize=[1]");
		assertProblem(invalid, 400, "invalid-parameter");
	}

	@Test
	void requestLineOverTomcatsLimitIsAProblem() {
		Response response = RawHttp.get(this.port, "/probe/search?q=" + "a".repeat(10_000));

		// Tomcat answers 400, not 414, for a request line over its header buffer.
		assertProblem(response, 400, "bad-request");
	}

	@Test
	void headerBlockOverTomcatsLimitIsAProblem() {
		Response response = RawHttp.get(this.port, "/probe/items/1", "X-Padding: " + "a".repeat(10_000));

		// Tomcat answers 400, not 431, for a header block over its buffer.
		assertProblem(response, 400, "bad-request");
	}

	@Test
	void httpVersionTomcatDoesNotSpeakIsAProblem() {
		Response response = RawHttp.send(this.port,
				"GET /probe/items/1 HTTP/2.5\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

		assertProblem(response, 505, "http-version-not-supported");
	}

	@Test
	void transferCodingTomcatDoesNotImplementIsAProblem() {
		Response response = RawHttp.send(this.port, "POST /probe/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Transfer-Encoding: gzip\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");

		assertProblem(response, 501, "not-implemented");
	}

	@Test
	void malformedRequestLineIsAProblem() {
		Response response = RawHttp.send(this.port, "GET /probe/items/1 HTTP/1.1 extra\r\nHost: x\r\n\r\n");

		assertProblem(response, 400, "bad-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/probe/items/1;jsessionid=x", "/probe/%2e%2e/probe/items/1", "/probe//items/1",
			"/probe/items/%251" })
	void urlTheSecurityFirewallRefusesIsABadRequestProblem(String target) {
		Response response = RawHttp.get(this.port, target, "X-Request-Id: firewall-1");

		JsonNode problem = assertProblem(response, 400, "bad-request");
		assertThat(problem.get("requestId").asString()).isEqualTo("firewall-1");
	}

	@Test
	void methodTheSecurityFirewallDoesNotKnowIsABadRequestProblem() {
		Response response = RawHttp.send(this.port,
				"BREW /probe/items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

		assertProblem(response, 400, "bad-request");
	}

	@Test
	void headerValueTheSecurityFirewallRefusesWhenAControllerReadsItIsABadRequestProblemNotAFailure() {
		// NEL (0x85) is a byte Tomcat lets through in a header value; the firewall
		// refuses it only once the header is read, here by the controller.
		Response response = RawHttp.get(this.port, "/probe/header", "X-Note: a\u0085b");

		assertProblem(response, 400, "bad-request");
	}

	@Test
	void authorizationHeaderTheSecurityFirewallRefusesIsABadRequestProblem() {
		Response response = RawHttp.get(this.port, "/probe/me", "Authorization: Bearer a\u0085b");

		assertProblem(response, 400, "bad-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
	void errorPathAskedForByNameIsNotFound(String method) {
		Response response = RawHttp.send(this.port,
				method + " /error HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Content-Length: 0\r\nConnection: close\r\n\r\n");

		assertProblem(response, 404, "not-found");
	}

	private static JsonNode assertProblem(Response response, int status, String typeSlug) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode problem = assertProblemBody(response);
		assertThat(problem.get("type").asString()).isEqualTo(ProblemType.BASE_URI + typeSlug);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		return problem;
	}

	private static JsonNode assertProblemBody(Response response) {
		assertThat(response.header("Content-Type")).as(response.text()).startsWith("application/problem+json");
		assertThat(response.text()).doesNotContainIgnoringCase("<html")
			.doesNotContain("Exception")
			.doesNotContain("org.apache")
			.doesNotContain("Tomcat")
			.doesNotContain("\tat ");
		JsonNode problem = response.json();
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("requestId").asString()).isNotBlank();
		assertThat(response.header("X-Request-Id")).isEqualTo(problem.get("requestId").asString());
		return problem;
	}

}
