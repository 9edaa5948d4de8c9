package com.littlethreads.user.client;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

import com.littlethreads.user.auth.AuthProperties;

/**
 * Slows secret guessing at the token endpoint the way sign-ins are slowed: each client
 * address has a bucket of failed client authentications (the sign-in limits apply) that
 * refills over the window. Only addresses are counted, never client ids, so that nobody
 * can lock an internal service out by failing in its name.
 */
@Component
class ClientThrottle {

	private final int failures;

	private final Duration window;

	private final Cache<String, Bucket> buckets;

	ClientThrottle(AuthProperties properties) {
		this.failures = properties.failuresPerAddress();
		this.window = properties.failureWindow();
		this.buckets = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(this.window.multipliedBy(2))
			.build();
	}

	/**
	 * How long the address must wait before authenticating again, if its bucket is empty.
	 * @param address the client address
	 * @return the wait, or empty if it may try
	 */
	Optional<Duration> waitBeforeAttempt(String address) {
		Bucket bucket = bucket(address);
		if (bucket.getAvailableTokens() > 0) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
	}

	void failed(String address) {
		bucket(address).tryConsume(1);
	}

	private Bucket bucket(String address) {
		return this.buckets.get(address, (key) -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.failures).refillGreedy(this.failures, this.window).build())
			.build());
	}

}
