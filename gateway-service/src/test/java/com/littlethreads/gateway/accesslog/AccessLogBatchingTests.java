package com.littlethreads.gateway.accesslog;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batching over a logging setup like Spring Boot's (a console appender on the root
 * logger, and nothing else), and around any other.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogBatchingTests {

	private final LoggerContext context = new LoggerContext();

	private final Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);

	private final Logger access = this.context.getLogger(AccessLogConfig.LOGGER);

	private AccessLogBatching batching;

	@BeforeEach
	void mdc() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
	}

	@AfterEach
	void stop() {
		if (this.batching != null) {
			this.batching.stop();
		}
		this.context.stop();
	}

	@Test
	void accessLinesReachTheConsoleInBatchesAsTheConsoleWritesThemOtherLinesAtOnce(CapturedOutput output) {
		consoleOnRoot(Level.TRACE);
		start(Duration.ofMinutes(1));

		this.access.info("method=GET path=/a status=200");
		this.access.info("method=GET path=/b status=200");
		this.context.getLogger("com.example").info("an application line");

		assertThat(output.getOut()).isEqualTo("INFO com.example: an application line\n");
		this.batching.stop();
		assertThat(output.getOut()).endsWith("""
				INFO littlethreads.access: method=GET path=/a status=200
				INFO littlethreads.access: method=GET path=/b status=200
				""");
	}

	@Test
	void gatheredLinesAreWrittenWithinTheFlushInterval(CapturedOutput output) {
		consoleOnRoot(Level.TRACE);
		start(Duration.ofMillis(100));

		this.access.info("method=GET path=/soon status=200");

		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("path=/soon"));
	}

	@Test
	void theConsolesThresholdStillHolds(CapturedOutput output) {
		consoleOnRoot(Level.WARN);
		start(Duration.ofMinutes(1));

		this.access.info("method=GET path=/quiet status=200");
		this.access.warn("method=GET path=/loud status=200");
		this.batching.stop();

		assertThat(output.getOut()).contains("path=/loud").doesNotContain("path=/quiet");
	}

	@Test
	void stoppingGivesTheLinesBackToTheRootsAppenders(CapturedOutput output) {
		consoleOnRoot(Level.TRACE);
		start(Duration.ofMinutes(1));
		this.batching.stop();

		assertThat(this.access.isAdditive()).isTrue();
		assertThat(this.access.iteratorForAppenders()).isExhausted();
		this.access.info("method=GET path=/after status=200");
		assertThat(output.getOut()).contains("path=/after");
	}

	@Test
	void anotherAppenderOnTheRootLeavesEveryLineWhereItWas() {
		consoleOnRoot(Level.TRACE);
		ListAppender<ILoggingEvent> file = listAppender();
		this.root.addAppender(file);

		start(Duration.ofMinutes(1));
		this.access.info("method=GET path=/a status=200");

		assertThat(this.batching.isRunning()).isFalse();
		assertThat(this.access.isAdditive()).isTrue();
		assertThat(file.list).hasSize(1);
	}

	@Test
	void appendersOfOnesOwnOnTheAccessLoggerAreLeftAlone() {
		consoleOnRoot(Level.TRACE);
		ListAppender<ILoggingEvent> own = listAppender();
		this.access.addAppender(own);

		start(Duration.ofMinutes(1));

		assertThat(this.batching.isRunning()).isFalse();
		assertThat(this.access.iteratorForAppenders()).toIterable().containsExactly(own);
	}

	@Test
	void aZeroIntervalWritesEachLineAsItComes(CapturedOutput output) {
		consoleOnRoot(Level.TRACE);
		start(Duration.ZERO);

		this.access.info("method=GET path=/now status=200");

		assertThat(this.batching.isRunning()).isFalse();
		assertThat(output.getOut()).contains("path=/now");
	}

	private void start(Duration flushInterval) {
		this.batching = new AccessLogBatching(this.context, flushInterval);
		this.batching.start();
	}

	private ListAppender<ILoggingEvent> listAppender() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.setContext(this.context);
		appender.start();
		return appender;
	}

	/** As Spring Boot's default logging sets up: one console appender on the root. */
	private void consoleOnRoot(Level threshold) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%level %logger: %m%n");
		encoder.start();
		ThresholdFilter filter = new ThresholdFilter();
		filter.setLevel(threshold.toString());
		filter.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(this.context);
		console.setName("CONSOLE");
		console.setEncoder(encoder);
		console.addFilter(filter);
		console.start();
		this.root.addAppender(console);
		this.root.setLevel(Level.INFO);
	}

}
