package com.littlethreads.platform.core.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EcsLogFormatter} writes what Boot's own {@code ecs} format writes, byte for
 * byte, for the kinds of line the services log: each event below is encoded by Boot's
 * encoder once with {@code ecs} and once with this formatter's class name, as the images
 * name it.
 */
class EcsLogFormatterTests {

	private static final String FORMAT = EcsLogFormatter.class.getName();

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("linesAndSettings")
	void writesBootsEcsDocumentByteForByte(String line, String settings, Consumer<LoggingEvent> event,
			Environment environment) {
		LoggingEvent logged = event(event);

		byte[] expected = encode("ecs", environment, logged);
		byte[] written = encode(FORMAT, environment, logged);

		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8))
			.startsWith("{\"@timestamp\":\"2026-12-06T10:15:30.123456Z\"")
			.contains("\"ecs\":{\"version\":\"8.11\"}")
			.endsWith("}\n");
		assertThat(written).isEqualTo(expected);
	}

	static Stream<Arguments> linesAndSettings() {
		Map<String, Consumer<LoggingEvent>> lines = Map.of(
				// The gateway's access line, logged on a Netty event loop with no MDC.
				"an access line",
				(event) -> event.setMessage(
						"method=GET path=/api/catalog/products status=200 latency_ms=3 request_id=9f1c client=203.0.113.7"),
				"a request's line with its trace, span and request ids", (event) -> {
					event.setMessage("order {} paid");
					event.setArgumentArray(new Object[] { "ord_123" });
					event.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId",
							"00f067aa0ba902b7", "requestId", "json-line-id-1"));
				}, "text that JSON escapes, and beyond ASCII",
				(event) -> event.setMessage("size \"4T\" \\ tab\tnew\nline \u0001, Größe, 长袖, \uD83D\uDC55"),
				"key-value pairs nested by their dots", (event) -> {
					event.setMessage("refused");
					event.addKeyValuePair(new KeyValuePair("http.request.method", "POST"));
					event.addKeyValuePair(new KeyValuePair("http.response.status_code", 429));
				}, "an error with its stack trace", (event) -> {
					event.setLevel(Level.ERROR);
					event.setMessage("the payment could not be recorded");
					event.setThrowableProxy(new ThrowableProxy(
							new IllegalStateException("store unreachable", new RuntimeException("timed out"))));
				}, "markers as tags", (event) -> {
					event.setMessage("stock reserved");
					event.addMarker(MarkerFactory.getMarker("AUDIT"));
					event.addMarker(MarkerFactory.getMarker("INVENTORY"));
				});
		Map<String, Environment> settings = Map.of("defaults", environment(),
				"service fields, a stack trace printer and customised members",
				environment().withProperty("spring.application.version", "0.1.0")
					.withProperty("logging.structured.ecs.service.environment", "production")
					.withProperty("logging.structured.json.stacktrace.root", "first")
					.withProperty("logging.structured.json.stacktrace.max-length", "300")
					.withProperty("logging.structured.json.exclude", "process.thread")
					.withProperty("logging.structured.json.add.region", "eu-west"));
		return lines.entrySet()
			.stream()
			.flatMap((line) -> settings.entrySet()
				.stream()
				.map((setting) -> Arguments.of(line.getKey(), setting.getKey(), line.getValue(), setting.getValue())));
	}

	private static MockEnvironment environment() {
		return new MockEnvironment().withProperty("spring.application.name", "gateway-service")
			.withProperty("spring.application.pid", "4242");
	}

	private static LoggingEvent event(Consumer<LoggingEvent> line) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerName("littlethreads.access");
		event.setThreadName("reactor-http-epoll-2");
		event.setInstant(Instant.parse("2026-12-06T10:15:30.123456Z"));
		line.accept(event);
		if (event.getLevel() == null) {
			event.setLevel(Level.INFO);
		}
		return event;
	}

	private static byte[] encode(String format, Environment environment, LoggingEvent event) {
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), environment);
		context.setMDCAdapter(new LogbackMDCAdapter());
		event.setLoggerContext(context);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.start();
		try {
			return encoder.encode(event);
		}
		finally {
			encoder.stop();
		}
	}

}
