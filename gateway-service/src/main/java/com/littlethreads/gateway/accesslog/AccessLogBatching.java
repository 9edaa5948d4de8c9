package com.littlethreads.gateway.accesslog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import org.slf4j.ILoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Access lines written to standard output in batches, at most one flush interval late, as
 * edge proxies write theirs (nginx's {@code buffer} and {@code flush}, Envoy's flush
 * interval): one line a request, each its own write, was the largest cost of the access
 * log (docs/benchmarks.md).
 * <p>
 * Only over Spring Boot's own logging setup, where the console appender on the root
 * logger is the only one: the access lines then go to a {@link BatchedConsoleAppender}
 * with the console's encoder and filters, so they read exactly as before (plain or
 * structured) and keep the console's threshold. Any other setup (a log file, an exporter,
 * a logback configuration of one's own, appenders on the access logger) is left as it is,
 * as is a zero interval. Started before the server takes requests and stopped after it
 * has stopped, so the last lines are written at shutdown.
 */
final class AccessLogBatching implements SmartLifecycle {

	/** Before the web server starts, after it stops. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final ILoggerFactory loggers;

	private final Duration flushInterval;

	private Logger access;

	private BatchedConsoleAppender appender;

	private ScheduledExecutorService flusher;

	/**
	 * Batching for the access lines.
	 * @param loggers the logging system's loggers: logback's, or batching stays off
	 * @param flushInterval how late a line may be written; zero: batching stays off
	 */
	AccessLogBatching(ILoggerFactory loggers, Duration flushInterval) {
		this.loggers = loggers;
		this.flushInterval = flushInterval;
	}

	@Override
	public void start() {
		if (this.flushInterval.isZero() || !(this.loggers instanceof LoggerContext context)) {
			return;
		}
		Logger access = context.getLogger(AccessLogConfig.LOGGER);
		ConsoleAppender<ILoggingEvent> console = onlyConsole(context.getLogger(Logger.ROOT_LOGGER_NAME));
		if (console == null || access.iteratorForAppenders().hasNext() || !access.isAdditive()) {
			return;
		}
		BatchedConsoleAppender batched = new BatchedConsoleAppender(console.getEncoder());
		batched.setContext(context);
		batched.setName("ACCESS_BATCHED");
		console.getCopyOfAttachedFiltersList().forEach(batched::addFilter);
		batched.start();
		access.addAppender(batched);
		access.setAdditive(false);
		this.access = access;
		this.appender = batched;
		this.flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "access-log-flush");
			thread.setDaemon(true);
			return thread;
		});
		long nanos = this.flushInterval.toNanos();
		this.flusher.scheduleWithFixedDelay(batched::flush, nanos, nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void stop() {
		if (this.appender == null) {
			return;
		}
		this.access.setAdditive(true);
		this.access.detachAppender(this.appender);
		this.flusher.shutdownNow();
		this.appender.stop();
		this.access = null;
		this.appender = null;
		this.flusher = null;
	}

	@Override
	public boolean isRunning() {
		return this.appender != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private static ConsoleAppender<ILoggingEvent> onlyConsole(Logger root) {
		List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
		root.iteratorForAppenders().forEachRemaining(appenders::add);
		if (appenders.size() == 1 && appenders.get(0) instanceof ConsoleAppender<ILoggingEvent> console
				&& ConsoleTarget.SystemOut.getName().equals(console.getTarget()) && console.isStarted()) {
			return console;
		}
		return null;
	}

}
