package com.littlethreads.platform.lifecycle;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The pause between readiness turning DOWN and the web server's graceful shutdown. Boot
 * publishes readiness REFUSING_TRAFFIC as the context starts closing, before any
 * lifecycle stops; this one stops first (highest phase), and only then does the web
 * server stop taking connections and wait for the requests in flight.
 */
class ShutdownDrain implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(ShutdownDrain.class);

	private final Duration delay;

	private volatile boolean running;

	ShutdownDrain(Duration delay) {
		this.delay = delay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.delay.isZero()) {
			return;
		}
		log.info("Readiness is DOWN; still taking requests for " + this.delay + " while load balancers notice");
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
