package com.littlethreads.platform.testapp;

import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.stereotype.Component;

/**
 * A scheduled job as a service declares one, counting its runs. Tests call its tick
 * themselves rather than waiting for a scheduler.
 */
@Component
public class ProbeJob {

	/**
	 * The lock's name in the store.
	 */
	public static final String NAME = "probe.tick";

	private final AtomicInteger runs = new AtomicInteger();

	@SchedulerLock(name = NAME, lockAtLeastFor = "${probe.tick-interval:1m}")
	public void tick() {
		this.runs.incrementAndGet();
	}

	public int runs() {
		return this.runs.get();
	}

}
