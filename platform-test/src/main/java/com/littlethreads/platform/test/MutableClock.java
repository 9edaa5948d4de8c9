package com.littlethreads.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, so that expiries (stock holds, payment sessions) come
 * without waiting for them. Services take an injected {@link Clock}; a test puts this one
 * in its place.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * A clock standing at the current time.
	 */
	public MutableClock() {
		this(Instant.now());
	}

	/**
	 * A clock standing at the given time.
	 * @param now where it starts
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	/**
	 * Puts the clock back to the current time.
	 */
	public void reset() {
		this.now = Instant.now();
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
