package com.littlethreads.gateway.accesslog;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedConsoleAppenderTests {

	private final LoggerContext context = new LoggerContext();

	/** What each write to the stream carried. */
	private final List<String> writes = new CopyOnWriteArrayList<>();

	private BatchedConsoleAppender appender;

	@BeforeEach
	void start() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%m%n");
		encoder.start();
		PrintStream out = new PrintStream(new ByteArrayOutputStream()) {

			@Override
			public void write(byte[] bytes, int offset, int length) {
				BatchedConsoleAppenderTests.this.writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
			}

		};
		this.appender = new BatchedConsoleAppender(encoder, () -> out);
		this.appender.setContext(this.context);
		this.appender.start();
	}

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void linesAreGatheredAndWrittenInOneWriteWhenFlushed() {
		log("method=GET path=/a");
		log("method=GET path=/b");
		log("method=GET path=/c");

		assertThat(this.writes).isEmpty();
		this.appender.flush();
		assertThat(this.writes).containsExactly("method=GET path=/a\nmethod=GET path=/b\nmethod=GET path=/c\n");
		this.appender.flush();
		assertThat(this.writes).as("nothing left to write").hasSize(1);
	}

	@Test
	void aFullBatchIsWrittenBeforeTheLineThatWouldNotFit() {
		String line = "x".repeat(999);
		for (int i = 0; i < 5; i++) {
			log(line);
		}

		assertThat(this.writes).containsExactly((line + "\n").repeat(4));
		assertThat(this.writes.get(0)).hasSizeLessThanOrEqualTo(BatchedConsoleAppender.BATCH_BYTES);
		this.appender.flush();
		assertThat(this.writes).hasSize(2).last().isEqualTo(line + "\n");
	}

	@Test
	void aLineLongerThanABatchIsWrittenOnItsOwnAfterTheLinesBeforeIt() {
		String longLine = "y".repeat(BatchedConsoleAppender.BATCH_BYTES + 10);
		log("before");
		log(longLine);
		log("after");

		assertThat(this.writes).containsExactly("before\n", longLine + "\n");
		this.appender.flush();
		assertThat(this.writes).last().isEqualTo("after\n");
	}

	@Test
	void stoppingWritesWhatIsGathered() {
		log("the last line");

		this.appender.stop();

		assertThat(this.writes).containsExactly("the last line\n");
	}

	@Test
	void linesFromManyThreadsAreEachWrittenWholeAndOnce() throws InterruptedException {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		IntStream.range(0, 4)
			.forEach((thread) -> threads
				.execute(() -> IntStream.range(0, 500).forEach((i) -> log("thread=" + thread + " line=" + i))));
		threads.shutdown();
		assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		this.appender.flush();

		List<String> lines = String.join("", this.writes).lines().toList();
		assertThat(lines).hasSize(2000)
			.doesNotHaveDuplicates()
			.allMatch((line) -> line.matches("thread=\\d line=\\d+"));
		assertThat(this.writes).allMatch((write) -> write.endsWith("\n"));
	}

	private void log(String message) {
		this.appender.doAppend(new LoggingEvent(getClass().getName(), this.context.getLogger(AccessLogConfig.LOGGER),
				Level.INFO, message, null, null));
	}

}
