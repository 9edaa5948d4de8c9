package com.littlethreads.user.throttle;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Failed attempts counted per key (a client address, an account) in Bucket4j token
 * buckets that refill over a window. An attempt takes its token before it is checked, in
 * one atomic step, and gives it back when it succeeds: checking first and counting the
 * failure afterwards would let every attempt of a simultaneous burst through while one
 * token is left. Buckets live in memory, per instance; idle ones are dropped.
 */
public class FailureBuckets {

	private final int failures;

	private final Duration window;

	private final Cache<String, Bucket> buckets;

	/**
	 * Buckets allowing {@code failures} failed attempts per {@code window}.
	 * @param failures the failures allowed per window
	 * @param window the window they refill over
	 */
	public FailureBuckets(int failures, Duration window) {
		this.failures = failures;
		this.window = window;
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(2)).build();
	}

	/**
	 * Takes a token for an attempt that is about to be checked.
	 * @param key the key
	 * @return empty if a token was taken and the attempt may be checked, otherwise how
	 * long the key must wait (nothing was taken)
	 */
	public Optional<Duration> take(String key) {
		ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Gives back the token taken for an attempt that succeeded or was never checked. A
	 * bucket never holds more than its capacity.
	 * @param key the key
	 */
	public void giveBack(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		if (bucket != null) {
			bucket.addTokens(1);
		}
	}

	/**
	 * How long the key must wait before its next attempt, if its bucket is empty. Takes
	 * nothing, and keeps no bucket for a key that has none.
	 * @param key the key
	 * @return the wait, or empty if an attempt may be made
	 */
	public Optional<Duration> waitBeforeAttempt(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		if (bucket == null) {
			return Optional.empty();
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return (nanos > 0) ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
	}

	private Bucket bucket(String key) {
		return this.buckets.get(key, (ignored) -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.failures).refillGreedy(this.failures, this.window).build())
			.build());
	}

}
