package com.littlethreads.user.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param secureCookie mark the refresh cookie Secure; only local mode over plain http
 * turns this off
 * @param failuresPerAddress failed sign-ins one client address may make per window
 * @param failuresPerAccount failed sign-ins one account may receive per window, from all
 * addresses together (higher, so that an attacker cannot lock a shopper out from one
 * place)
 * @param failureWindow the window the failures are counted over
 */
@ConfigurationProperties("users.auth")
public record AuthProperties(@DefaultValue("true") boolean secureCookie, @DefaultValue("5") int failuresPerAddress,
		@DefaultValue("20") int failuresPerAccount, @DefaultValue("15m") Duration failureWindow) {

}
