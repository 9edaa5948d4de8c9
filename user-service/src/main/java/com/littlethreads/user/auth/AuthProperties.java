package com.littlethreads.user.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings. The limits on failed sign-ins, also under {@code users.auth}, are
 * {@link com.littlethreads.user.throttle.ThrottleProperties}.
 *
 * @param secureCookie mark the refresh cookie Secure; only local mode over plain http
 * turns this off
 */
@ConfigurationProperties("users.auth")
public record AuthProperties(@DefaultValue("true") boolean secureCookie) {

}
