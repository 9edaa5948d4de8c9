package com.littlethreads.user.auth;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each client address and each account has a bucket of failed
 * sign-ins that refills over the window. Only failures take from it, so shoppers who type
 * their password right are never slowed. The account's bucket is larger than an
 * address's, so one attacker cannot lock a shopper out while distributed guessing is
 * still capped. Buckets live in memory per instance; a shared store can replace them
 * behind this class.
 */
@Component
class LoginThrottle {

	private final AuthProperties properties;

	private final Cache<String, Bucket> buckets;

	LoginThrottle(AuthProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(properties.failureWindow().multipliedBy(2))
			.build();
	}

	/**
	 * How long the caller must wait before trying again, if either bucket is empty.
	 * @param address the client address
	 * @param account the normalised email
	 * @return the wait, or empty if a sign-in may be attempted
	 */
	Optional<Duration> waitBeforeAttempt(String address, String account) {
		long nanos = Math.max(waitNanos(addressBucket(address)), waitNanos(accountBucket(account)));
		return (nanos > 0) ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
	}

	void failed(String address, String account) {
		addressBucket(address).tryConsume(1);
		accountBucket(account).tryConsume(1);
	}

	private static long waitNanos(Bucket bucket) {
		return (bucket.getAvailableTokens() > 0) ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
	}

	private Bucket addressBucket(String address) {
		return this.buckets.get("address:" + address, (key) -> bucket(this.properties.failuresPerAddress()));
	}

	private Bucket accountBucket(String account) {
		return this.buckets.get("account:" + account, (key) -> bucket(this.properties.failuresPerAccount()));
	}

	private Bucket bucket(int failures) {
		Duration window = this.properties.failureWindow();
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build())
			.build();
	}

}
