package com.littlethreads.user.auth;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Failed attempts counted per key (a client address, an account) in Bucket4j token
 * buckets that refill over a window. Only failures take from a bucket, so callers who get
 * it right are never slowed. Buckets live in memory, per instance; idle ones are dropped.
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
	 * How long the key must wait before its next attempt, if its bucket is empty.
	 * @param key the key
	 * @return the wait, or empty if an attempt may be made
	 */
	public Optional<Duration> waitBeforeAttempt(String key) {
		Bucket bucket = bucket(key);
		if (bucket.getAvailableTokens() > 0) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
	}

	/**
	 * Counts a failed attempt against the key.
	 * @param key the key
	 */
	public void failed(String key) {
		bucket(key).tryConsume(1);
	}

	private Bucket bucket(String key) {
		return this.buckets.get(key, (ignored) -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.failures).refillGreedy(this.failures, this.window).build())
			.build());
	}

}
