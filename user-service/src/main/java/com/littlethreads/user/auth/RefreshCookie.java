package com.littlethreads.user.auth;

import java.time.Duration;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import com.littlethreads.user.token.TokenProperties;

/**
 * The browser's copy of the refresh token: HttpOnly (scripts never see it),
 * SameSite=Strict (other sites cannot make the browser send it) and scoped to
 * {@value #PATH}.
 */
@Component
class RefreshCookie {

	static final String NAME = "lt_refresh";

	static final String PATH = "/api/auth";

	private final boolean secure;

	private final Duration lifetime;

	RefreshCookie(AuthProperties auth, TokenProperties tokens) {
		this.secure = auth.secureCookie();
		this.lifetime = tokens.refreshTokenLifetime();
	}

	String set(String token) {
		return cookie(token, this.lifetime);
	}

	String clear() {
		return cookie("", Duration.ZERO);
	}

	private String cookie(String value, Duration maxAge) {
		return ResponseCookie.from(NAME, value)
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Strict")
			.path(PATH)
			.maxAge(maxAge)
			.build()
			.toString();
	}

}
