package com.littlethreads.platform.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work that is in flight until a test lets it finish: a request, and (with
 * {@code probe.slow-job=true}) a scheduled job. Each records whether it was cut short.
 */
public final class SlowProbe {

	private static volatile CountDownLatch entered = new CountDownLatch(1);

	private static volatile CountDownLatch released = new CountDownLatch(1);

	private static final AtomicBoolean interrupted = new AtomicBoolean();

	private static final AtomicBoolean finished = new AtomicBoolean();

	private SlowProbe() {
	}

	public static void reset() {
		entered = new CountDownLatch(1);
		released = new CountDownLatch(1);
		interrupted.set(false);
		finished.set(false);
	}

	public static boolean awaitEntered() throws InterruptedException {
		return entered.await(30, TimeUnit.SECONDS);
	}

	public static void release() {
		released.countDown();
	}

	public static boolean interrupted() {
		return interrupted.get();
	}

	public static boolean finished() {
		return finished.get();
	}

	static String work() {
		entered.countDown();
		try {
			if (!released.await(30, TimeUnit.SECONDS)) {
				return "never released";
			}
		}
		catch (InterruptedException ex) {
			interrupted.set(true);
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		finished.set(true);
		return "finished";
	}

	@RestController
	static class SlowController {

		@GetMapping("/probe/slow")
		String slow() {
			return work();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnBooleanProperty("probe.slow-job")
	static class SlowJob {

		@Scheduled(fixedDelay = 3_600_000)
		void run() {
			work();
		}

	}

}
