package com.littlethreads.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.littlethreads.platform.test.HostileInputs.Baseline;
import com.littlethreads.platform.test.HostileInputs.Report;
import com.littlethreads.platform.test.HostileInputs.Values;
import com.littlethreads.platform.test.HostileInputs.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hostile-input engine against a tiny server that documents one operation: quiet when
 * the server answers every change to the valid request with a problem, and naming each
 * defect planted in it otherwise.
 */
class HostileInputsTests {

	private static final String DOCUMENT = """
			{"openapi": "3.1.0", "paths": {"/api/things/{id}": {"put": {"operationId": "replace",
			  "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
			                 {"name": "q", "in": "query", "required": false, "schema": {"type": "string"}}],
			  "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
			  "security": [{"bearer": []}]}}},
			 "components": {"schemas": {"Thing": {"type": "object", "required": ["name", "quantity"],
			  "properties": {"name": {"type": "string", "maxLength": 50},
			                 "quantity": {"type": "integer", "format": "int32", "minimum": 1}}}}}}""";

	private static final String VALID_BODY = "{\"name\":\"Kite\",\"quantity\":2}";

	private static final String PROBLEM = """
			{"type": "https://example.com/problems/bad", "title": "Bad", "status": %d, "requestId": "r-1"}""";

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void serverThatRefusesEveryChangeWithAProblemHasNoViolations() {
		Report report = suite(Set.of()).run();

		assertThat(report.violations()).isEmpty();
		assertThat(report.requests()).isGreaterThan(150);
	}

	@Test
	void eachPlantedDefectIsReportedWithWhereItWasFound() {
		Report report = suite(Set.of("500 for NUL in the query", "HTML page for an encoded slash",
				"accepts a string quantity", "stack trace for a junk token"))
			.run();

		List<Violation> violations = report.violations();
		assertThat(violations).anySatisfy((violation) -> {
			assertThat(violation.location()).isEqualTo("query q");
			assertThat(violation.value()).isEqualTo("nul");
			assertThat(violation.kind()).contains("5xx");
		});
		assertThat(violations).anySatisfy((violation) -> {
			assertThat(violation.location()).isEqualTo("path id");
			assertThat(violation.value()).isEqualTo("encoded-slash");
			assertThat(violation.kind()).contains("4xx-not-problem").contains("framework-page");
		});
		assertThat(violations).anySatisfy((violation) -> {
			assertThat(violation.location()).isEqualTo("body /quantity");
			assertThat(violation.value()).isEqualTo("numeric-string");
			assertThat(violation.kind()).isEqualTo("accepted");
		});
		assertThat(violations).anySatisfy((violation) -> {
			assertThat(violation.location()).isEqualTo("token");
			assertThat(violation.value()).isEqualTo("junk");
			assertThat(violation.kind()).contains("stack-trace");
		});
		// Every value with a slash meets the planted HTML page, so that is one cause of
		// several violations.
		assertThat(violations).extracting(Violation::kind)
			.containsOnly("5xx", "4xx-not-problem+framework-page", "accepted", "stack-trace");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(report::assertNoViolations)
			.withMessageContaining("in 4 groups")
			.withMessageContaining("reproduce:")
			.withMessageContaining("PUT /api/things/t1?q=a%00b HTTP/1.1");
	}

	private HostileInputs suite(Set<String> defects) {
		start(defects);
		return HostileInputs.against("hostile-inputs-self-test", this.server.getAddress().getPort())
			.fixture((operation) -> List.of(Baseline.of("valid",
					() -> new Values().path("id", "t1").bearer("good").set("/name", "Kite").set("/quantity", 2))))
			.skip("* @ request", "the JDK's HttpServer answers malformed requests itself, before the code under test")
			.skip("* @ target", "the JDK's HttpServer answers malformed targets itself")
			.skip("* @ raw-backslash", "the JDK's HttpServer refuses it itself")
			.skip("* @ malformed-percent", "the JDK's HttpServer refuses it itself")
			.skip("* @ trailing-percent", "the JDK's HttpServer refuses it itself");
	}

	private void start(Set<String> defects) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			try (exchange) {
				answer(exchange, defects);
			}
		});
		this.server.start();
	}

	/**
	 * The valid request gets a 200, anything else a problem, unless a planted defect
	 * answers first.
	 */
	private static void answer(HttpExchange exchange, Set<String> defects) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (path.equals("/v3/api-docs")) {
			send(exchange, 200, "application/json", DOCUMENT);
		}
		else if (defects.contains("500 for NUL in the query") && query != null && query.contains("%00")) {
			send(exchange, 500, "application/problem+json", PROBLEM.formatted(500));
		}
		else if (defects.contains("HTML page for an encoded slash") && path.contains("%2F")) {
			send(exchange, 400, "text/html", "<!doctype html><html><body>Bad Request</body></html>");
		}
		else if (defects.contains("stack trace for a junk token") && "Bearer junk".equals(authorization)) {
			send(exchange, 401, "application/problem+json", PROBLEM.formatted(401)
				.replace("}", ", \"detail\": \"at com.example.Things.replace(Things.java:42)\"}"));
		}
		else if (defects.contains("accepts a string quantity") && valid(exchange, path, query, authorization)
				&& body.equals(VALID_BODY.replace("2", "\"2\""))) {
			send(exchange, 200, "application/json", "{}");
		}
		else if (valid(exchange, path, query, authorization) && body.equals(VALID_BODY)) {
			send(exchange, 200, "application/json", "{}");
		}
		else {
			send(exchange, 400, "application/problem+json", PROBLEM.formatted(400));
		}
	}

	private static boolean valid(HttpExchange exchange, String path, String query, String authorization) {
		return exchange.getRequestMethod().equals("PUT") && path.equals("/api/things/t1") && query == null
				&& "Bearer good".equals(authorization)
				&& "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
