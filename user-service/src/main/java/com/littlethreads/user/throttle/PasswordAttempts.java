package com.littlethreads.user.throttle;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing wherever a password is checked: signing in, and the current
 * password of a password change. Both count against the same buckets, one per client
 * address and one per account, so switching between them gives an attacker no extra
 * guesses. The account's bucket is larger than an address's, so one attacker cannot lock
 * a shopper out while distributed guessing is still capped. The buckets are shared by
 * every instance of the service.
 */
@Component
public class PasswordAttempts {

	private final FailureBuckets addresses;

	private final FailureBuckets accounts;

	PasswordAttempts(Throttles throttles, ThrottleProperties properties) {
		this.addresses = throttles.failureBuckets("password-address", properties.failuresPerAddress(),
				properties.failureWindow());
		this.accounts = throttles.failureBuckets("password-account", properties.failuresPerAccount(),
				properties.failureWindow());
	}

	/**
	 * Takes an attempt from the address's and the account's buckets before a password is
	 * checked. A failed check keeps them taken; call {@link #succeeded} when it passes.
	 * @param address the client address
	 * @param account the account's normalised email
	 * @return empty if the password may be checked, otherwise how long the caller must
	 * wait (nothing is taken then)
	 */
	public Optional<Duration> take(String address, String account) {
		Optional<Duration> addressWait = this.addresses.take(address);
		if (addressWait.isPresent()) {
			return longest(addressWait, this.accounts.waitBeforeAttempt(account));
		}
		Optional<Duration> accountWait = this.accounts.take(account);
		if (accountWait.isPresent()) {
			this.addresses.giveBack(address);
			return longest(accountWait, this.addresses.waitBeforeAttempt(address));
		}
		return Optional.empty();
	}

	/**
	 * The password was right: the attempt is given back, so that a shopper who gets it
	 * right never uses up the limits.
	 * @param address the client address
	 * @param account the account's normalised email
	 */
	public void succeeded(String address, String account) {
		this.addresses.giveBack(address);
		this.accounts.giveBack(account);
	}

	private static Optional<Duration> longest(Optional<Duration> first, Optional<Duration> second) {
		if (second.isEmpty()) {
			return first;
		}
		return (first.isEmpty() || second.get().compareTo(first.get()) > 0) ? second : first;
	}

}
