package com.littlethreads.emulator.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every API response a {@code Request-Id} (stripe-java reports it in exceptions)
 * and refuses requests without the account's secret key, with Stripe's 401 body. Like
 * Stripe, it takes {@code Authorization: Bearer sk_test_…} (what stripe-java sends) and
 * HTTP Basic with the key as user name ({@code curl -u sk_test_…:}). With
 * {@code emulator.secret-key} set only that key is accepted, as Stripe accepts only the
 * account's own; without it any test-mode key is (a quick local try needs none).
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String API_KEY_ATTRIBUTE = ApiKeyFilter.class.getName() + ".apiKey";

	static final String REQUEST_ID_ATTRIBUTE = ApiKeyFilter.class.getName() + ".requestId";

	private final StripeErrorResponses errors;

	private final String secretKey;

	ApiKeyFilter(StripeErrorResponses errors, String secretKey) {
		this.errors = errors;
		this.secretKey = (secretKey != null && !secretKey.isBlank()) ? secretKey : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = StripeIds.next("req_", 14);
		request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
		response.setHeader("Request-Id", requestId);
		String key = apiKey(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (key == null) {
			this.errors.write(response, new StripeApiException(401, StripeError.invalidRequest(
					"You did not provide an API key. You need to provide your API key in the Authorization header, "
							+ "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
					null)));
			return;
		}
		if (!key.startsWith("sk_test_") || key.length() <= "sk_test_".length()) {
			this.errors
				.write(response,
						new StripeApiException(401,
								StripeError.invalidRequest("Invalid API Key provided: " + redact(key)
										+ ". The Stripe emulator accepts test-mode secret keys (sk_test_…) only.",
										null)));
			return;
		}
		if (this.secretKey != null && !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
				this.secretKey.getBytes(StandardCharsets.UTF_8))) {
			this.errors.write(response, new StripeApiException(401,
					StripeError.invalidRequest("Invalid API Key provided: " + redact(key), null)));
			return;
		}
		request.setAttribute(API_KEY_ATTRIBUTE, key);
		chain.doFilter(request, response);
	}

	private static String apiKey(String authorization) {
		if (authorization == null) {
			return null;
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String key = authorization.substring(7).trim();
			return key.isEmpty() ? null : key;
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				String key = (colon < 0) ? decoded : decoded.substring(0, colon);
				return key.isEmpty() ? null : key;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	private static String redact(String key) {
		return (key.length() <= 8) ? "****"
				: key.substring(0, Math.min(8, key.length() - 4)) + "****" + key.substring(key.length() - 4);
	}

}
