package com.littlethreads.user.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Failed attempts counted per key (a client address, an account) in Bucket4j token
 * buckets that refill over a window. An attempt takes its token before it is checked, in
 * one atomic step, and gives it back when it succeeds: checking first and counting the
 * failure afterwards would let every attempt of a simultaneous burst through while one
 * token is left. The buckets live in the service's database ({@link StoredBuckets}), so
 * the limit holds across all instances of the service: N instances never allow N times
 * the attempts.
 */
public class FailureBuckets {

	private final ProxyManager<String> buckets;

	private final String name;

	private final Supplier<BucketConfiguration> configuration;

	FailureBuckets(ProxyManager<String> buckets, String name, int failures, Duration window) {
		this.buckets = buckets;
		this.name = name;
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build())
			.build();
		this.configuration = () -> configuration;
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
		bucket(key).addTokens(1);
	}

	/**
	 * How long the key must wait before its next attempt, if its bucket is empty. Takes
	 * nothing.
	 * @param key the key
	 * @return the wait, or empty if an attempt may be made
	 */
	public Optional<Duration> waitBeforeAttempt(String key) {
		EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
		long nanos = probe.getNanosToWaitForRefill();
		return (!probe.canBeConsumed() && nanos > 0) ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
	}

	private BucketProxy bucket(String key) {
		return this.buckets.getProxy(this.name + ":" + digest(key), this.configuration);
	}

	/**
	 * Stored under a digest of the key: the collection needs no email or address in the
	 * clear to count attempts.
	 */
	private static String digest(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
