package com.littlethreads.user.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each client address and each account has a bucket of failed
 * sign-ins. The account's bucket is larger than an address's, so one attacker cannot lock
 * a shopper out while distributed guessing is still capped.
 */
@Component
class LoginThrottle {

	private final FailureBuckets addresses;

	private final FailureBuckets accounts;

	LoginThrottle(AuthProperties properties) {
		this.addresses = new FailureBuckets(properties.failuresPerAddress(), properties.failureWindow());
		this.accounts = new FailureBuckets(properties.failuresPerAccount(), properties.failureWindow());
	}

	/**
	 * How long the caller must wait before trying again, if either bucket is empty.
	 * @param address the client address
	 * @param account the normalised email
	 * @return the wait, or empty if a sign-in may be attempted
	 */
	Optional<Duration> waitBeforeAttempt(String address, String account) {
		return Stream.of(this.addresses.waitBeforeAttempt(address), this.accounts.waitBeforeAttempt(account))
			.flatMap(Optional::stream)
			.max(Duration::compareTo);
	}

	void failed(String address, String account) {
		this.addresses.failed(address);
		this.accounts.failed(account);
	}

}
