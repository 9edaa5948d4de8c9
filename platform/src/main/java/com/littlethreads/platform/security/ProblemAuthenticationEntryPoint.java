package com.littlethreads.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers a missing or bad token with an RFC 6750 {@code WWW-Authenticate} challenge and
 * a problem+json body written by the same exception handler the controllers use.
 * <p>
 * The challenge is written here rather than by Spring Security's bearer entry point,
 * which also advertises a {@code resource_metadata} URL built from the service's own
 * address: behind the gateway that names an internal host and a path nobody serves.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final HandlerExceptionResolver resolver;

	ProblemAuthenticationEntryPoint(HandlerExceptionResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(ex));
		this.resolver.resolveException(request, response, null, ex);
	}

	static String challenge(AuthenticationException ex) {
		if (!(ex instanceof OAuth2AuthenticationException oauth)) {
			return "Bearer";
		}
		OAuth2Error error = oauth.getError();
		StringBuilder challenge = new StringBuilder("Bearer error=\"").append(quoted(error.getErrorCode())).append('"');
		if (StringUtils.hasText(error.getDescription())) {
			challenge.append(", error_description=\"").append(quoted(error.getDescription())).append('"');
		}
		return challenge.toString();
	}

	// RFC 6750 values are quoted strings: no quotes, backslashes or control characters
	// inside.
	private static String quoted(String value) {
		return value.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
	}

}
