package com.littlethreads.user.throttle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed attempts at a password or client secret are checked per window. Under
 * {@code users.auth} with the other sign-in settings, where they have always been.
 *
 * @param failuresPerAddress failed password checks (sign-ins and password changes
 * together) one client address may make per window, and failed client authentications at
 * the token endpoint
 * @param failuresPerAccount failed password checks one account may receive per window,
 * from all addresses together (higher, so that an attacker cannot lock a shopper out from
 * one place)
 * @param failureWindow the window failures are counted in; buckets refill evenly over it
 */
@ConfigurationProperties("users.auth")
public record ThrottleProperties(@DefaultValue("5") int failuresPerAddress, @DefaultValue("20") int failuresPerAccount,
		@DefaultValue("15m") Duration failureWindow) {

	public ThrottleProperties {
		if (failuresPerAddress < 1 || failuresPerAccount < 1) {
			throw new IllegalArgumentException(
					"users.auth.failures-per-address and users.auth.failures-per-account must be at least 1");
		}
		if (failureWindow.isNegative() || failureWindow.isZero()) {
			throw new IllegalArgumentException("users.auth.failure-window must be positive");
		}
	}

}
