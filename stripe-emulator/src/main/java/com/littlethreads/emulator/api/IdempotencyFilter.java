package com.littlethreads.emulator.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Stripe's idempotent requests: the response to a POST carrying an
 * {@code Idempotency-Key} is saved for 24 hours once its endpoint has started to run,
 * failures included (a declined card, a charge already refunded). The same key with the
 * same endpoint and parameters gets that response again, byte for byte, marked
 * {@code Idempotent-Replayed: true} and {@code Original-Request}; with other parameters
 * or another endpoint it gets a 400 {@code idempotency_error}. Keys are scoped to the API
 * key. A request refused while its parameters were checked saves nothing, as at Stripe,
 * so the caller can fix it and retry with the same key. Requests with the same key run
 * one at a time: a concurrent duplicate waits and then gets the replay.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	/**
	 * Set on a request whose endpoint ran and failed: its answer is saved like a success.
	 */
	static final String ENDPOINT_RAN = IdempotencyFilter.class.getName() + ".endpointRan";

	private static final Duration RETENTION = Duration.ofHours(24);

	private static final int MAX_KEY_LENGTH = 255;

	private final Map<String, SavedResponse> saved = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	private final StripeErrorResponses errors;

	private final Clock clock;

	IdempotencyFilter(StripeErrorResponses errors, Clock clock) {
		this.errors = errors;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader("Idempotency-Key") == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader("Idempotency-Key");
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			this.errors.write(response, StripeApiException
				.badRequest("Idempotency-Key must be between 1 and " + MAX_KEY_LENGTH + " characters long.", null));
			return;
		}
		response.setHeader("Idempotency-Key", key);
		String scope = request.getAttribute(ApiKeyFilter.API_KEY_ATTRIBUTE) + "\n" + key;
		String endpoint = request.getMethod() + " " + request.getRequestURI();
		List<String> parameters = fingerprint(request.getParameterMap());
		forgetExpired();
		synchronized (this.locks.computeIfAbsent(scope, (s) -> new Object())) {
			SavedResponse previous = this.saved.get(scope);
			if (previous != null) {
				replay(previous, key, endpoint, parameters, response);
				return;
			}
			ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, recorded);
			if (recorded.getStatus() < 400 || request.getAttribute(ENDPOINT_RAN) != null) {
				this.saved.put(scope, new SavedResponse(endpoint, parameters, recorded.getStatus(),
						recorded.getContentType(), recorded.getContentAsByteArray(),
						(String) request.getAttribute(ApiKeyFilter.REQUEST_ID_ATTRIBUTE), this.clock.instant()));
			}
			recorded.copyBodyToResponse();
		}
	}

	private void replay(SavedResponse previous, String key, String endpoint, List<String> parameters,
			HttpServletResponse response) throws IOException {
		if (!previous.endpoint().equals(endpoint)) {
			this.errors.write(response, new StripeApiException(400, new StripeError("idempotency_error", null,
					"Keys for idempotent requests can only be used for the same endpoint they were first used for ('"
							+ endpoint + "' vs '" + previous.endpoint() + "'). Try using a key other than '" + key
							+ "' if you meant to execute a different request.",
					null)));
			return;
		}
		if (!previous.parameters().equals(parameters)) {
			this.errors.write(response, new StripeApiException(400, new StripeError("idempotency_error", null,
					"Keys for idempotent requests can only be used with the same parameters they were first used "
							+ "with. Try using a key other than '" + key
							+ "' if you meant to execute a different request.",
					null)));
			return;
		}
		response.setStatus(previous.status());
		response.setContentType(previous.contentType());
		response.setHeader("Idempotent-Replayed", "true");
		response.setHeader("Original-Request", previous.requestId());
		response.getOutputStream().write(previous.body());
	}

	private void forgetExpired() {
		Instant cutoff = this.clock.instant().minus(RETENTION);
		this.saved.entrySet().removeIf((entry) -> {
			if (entry.getValue().savedAt().isBefore(cutoff)) {
				this.locks.remove(entry.getKey());
				return true;
			}
			return false;
		});
	}

	private static List<String> fingerprint(Map<String, String[]> parameters) {
		List<String> pairs = new ArrayList<>();
		parameters.forEach((name, values) -> Arrays.stream(values).forEach((value) -> pairs.add(name + "=" + value)));
		pairs.sort(null);
		return List.copyOf(pairs);
	}

	private record SavedResponse(String endpoint, List<String> parameters, int status, String contentType, byte[] body,
			String requestId, Instant savedAt) {
	}

}
