package com.littlethreads.gateway.accesslog;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.littlethreads.gateway.UpstreamGatewayTest;
import com.littlethreads.platform.test.RawHttp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogTests extends UpstreamGatewayTest {

	@LocalServerPort
	int port;

	@Test
	void proxiedRequestIsLoggedOnceWithMethodPathStatusLatencyRequestIdAndClient(CapturedOutput output) {
		upstream.stubFor(get(urlPathEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/catalog/products?q=ada@example.com")
			.header("X-Request-Id", "access-1")
			// Not a trusted proxy: the client is the connection, whatever it claims.
			.header("X-Forwarded-For", "6.6.6.6")
			.exchange()
			.expectStatus()
			.isOk();

		String line = awaitLine(output, "request_id=access-1");
		assertThat(line).contains("littlethreads.access")
			.containsPattern(
					"method=GET path=/api/catalog/products status=200 latency_ms=\\d+ request_id=access-1 client=127.0.0.1$")
			// The query may carry personal data.
			.doesNotContain("ada@example.com");
		assertThat(output.getOut().lines().filter((candidate) -> candidate.contains("request_id=access-1"))).hasSize(1);
	}

	@Test
	void gatewaysOwnAnswerIsLoggedWithItsStatus(CapturedOutput output) {
		this.client.get()
			.uri("/no-such-page")
			.header("X-Request-Id", "access-2")
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThat(awaitLine(output, "request_id=access-2")).contains("method=GET path=/no-such-page status=404");
	}

	@Test
	void aRefusedRequestLineIsLoggedWithItsProblemsRequestIdAndNoControlCharacters(CapturedOutput output) {
		RawHttp.get(this.port, "/api/catalog/a\u0001b\u001b[31m", "X-Request-Id: access-3");

		assertThat(awaitLine(output, "request_id=access-3"))
			.contains("method=GET path=/api/catalog/a%01b%1B[31m status=400");
	}

	@Test
	void requestsSentOneAfterAnotherOnOneConnectionAreEachLoggedAsAnswered(CapturedOutput output) {
		upstream.stubFor(get(urlPathEqualTo("/api/catalog/categories")).willReturn(okJson("[]")));
		String host = "Host: 127.0.0.1:" + this.port + "\r\n";

		RawHttp.sendKeepingTheConnection(this.port,
				"GET /api/catalog/categories HTTP/1.1\r\n" + host + "X-Request-Id: access-4\r\n\r\n"
						+ "GET /no-such-page HTTP/1.1\r\n" + host + "X-Request-Id: access-5\r\n\r\n");

		assertThat(awaitLine(output, "request_id=access-4"))
			.contains("method=GET path=/api/catalog/categories status=200");
		assertThat(awaitLine(output, "request_id=access-5")).contains("method=GET path=/no-such-page status=404");
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("request_id=access-4") || line.contains("request_id=access-5"))).hasSize(2);
	}

	@Test
	void overSpringBootsConsoleLoggingTheLinesGoOutInBatches() {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(logging.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).toIterable()
			.singleElement()
			.isInstanceOf(ConsoleAppender.class);
		// This application's batching, or that of one started before it in this JVM and
		// still running: logging is set up once for both.
		Logger access = logging.getLogger(AccessLogConfig.LOGGER);
		assertThat(access.getAppender("ACCESS_BATCHED")).isInstanceOf(BatchedConsoleAppender.class);
		assertThat(access.isAdditive()).isFalse();
	}

	private static String awaitLine(CapturedOutput output, String marker) {
		// Netty writes the line once the response is complete, which may be just after
		// the client has read it.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> output.getOut().lines().anyMatch((line) -> line.contains(marker)));
		return output.getOut().lines().filter((line) -> line.contains(marker)).findFirst().orElseThrow();
	}

}
