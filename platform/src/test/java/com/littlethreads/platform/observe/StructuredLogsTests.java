package com.littlethreads.platform.observe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.util.TestSocketUtils;

import com.littlethreads.platform.core.logging.EcsLogFormatter;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.testapp.PlatformTest;
import com.littlethreads.platform.testapp.PlatformTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container images set {@code LOGGING_STRUCTURED_FORMAT_CONSOLE} to Spring Boot's ECS
 * format as platform-core writes it ({@link EcsLogFormatter}): every line is then one
 * JSON object a log collector reads without parsing text. Outside containers logs stay
 * plain text for people. Either way a request's lines carry its trace, span and request
 * ids.
 * <p>
 * The JSON case runs the test service in a process of its own, started with that variable
 * as a container starts it: logging is configured once per JVM, and switching this one to
 * JSON would change what every later test here reads.
 */
@Tag("slow") // starts a service as a process of its own
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests extends ServiceHttpTest {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private Process process;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	@Test
	void inAContainerARequestsLogLineIsJsonWithItsTraceSpanAndRequestIds() throws Exception {
		int port = TestSocketUtils.findAvailableTcpPort();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				SpringApplication.class.getName(), "--spring.main.sources=" + PlatformTestApplication.class.getName(),
				"--server.port=" + port, "--littlethreads.embedded-mongo.enabled=true",
				"--littlethreads.embedded-mongo.data-directory=target/test-store/" + UUID.randomUUID(),
				"--spring.mongodb.database=probe")
			.redirectErrorStream(true);
		builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", EcsLogFormatter.class.getName());
		this.process = builder.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				out.lines().forEach(lines::add);
			}
			catch (IOException ex) {
				// The process ended.
			}
		});
		reader.setDaemon(true);
		reader.start();
		TestHttp service = new TestHttp(port);
		awaitReady(service, lines);

		service.get("/probe/log", "X-Request-Id", "json-line-id-1", "traceparent", TRACEPARENT);

		String logged = awaitLine(lines, "handling the probe log request");
		JsonNode line = JsonMapper.shared().readTree(logged);
		assertThat(line.get("message").asString()).isEqualTo("handling the probe log request");
		assertThat(line.get("log").get("level").asString()).isEqualTo("INFO");
		assertThat(line.get("requestId").asString()).isEqualTo("json-line-id-1");
		// The caller's trace goes on here, in a span of this service's own.
		assertThat(line.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(line.get("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
		assertThat(lines).filteredOn((text) -> !text.isBlank()).allMatch((text) -> text.startsWith("{"));
	}

	@Test
	void locallyARequestsLogLineIsPlainTextWithItsTraceSpanAndRequestIds(CapturedOutput output) {
		this.http.get("/probe/log", "X-Request-Id", "plain-line-id-1", "traceparent",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

		assertThat(output.getOut().lines().filter((line) -> line.contains("handling the probe log request")))
			.singleElement()
			.asString()
			.doesNotStartWith("{")
			.containsPattern("\\[0af7651916cd43dd8448eb211c80319c,[0-9a-f]{16}\\] \\[plain-line-id-1\\]");
	}

	private void awaitReady(TestHttp service, List<String> lines) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			assertThat(this.process.isAlive()).as("the service stopped:%n%s", String.join("\n", lines)).isTrue();
			try {
				if (service.get("/actuator/health/readiness").status() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the service did not become ready:\n" + String.join("\n", lines));
	}

	private static String awaitLine(List<String> lines, String text) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			for (String line : lines) {
				if (line.contains(text)) {
					return line;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no line with '" + text + "' in:\n" + String.join("\n", lines));
	}

}
