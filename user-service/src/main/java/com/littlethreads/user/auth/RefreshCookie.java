package com.littlethreads.user.auth;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

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

	/**
	 * The refresh token the browser sent, as it was sent. Spring's {@code @CookieValue}
	 * would percent-decode it and fail on a value that is not valid percent-encoding; a
	 * refresh token is base64url and never encoded, so anything else simply does not
	 * match one.
	 * @param request the request
	 * @return the cookie's value, or {@code null} if there is none
	 */
	static String read(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, NAME);
		return (cookie != null) ? cookie.getValue() : null;
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
