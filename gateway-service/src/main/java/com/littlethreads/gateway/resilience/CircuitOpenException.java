package com.littlethreads.gateway.resilience;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The service is being left alone for a while; the caller may try again after
 * {@code Retry-After} seconds. Without a stack trace: it is expected, and frequent while
 * the breaker is open.
 */
class CircuitOpenException extends ResponseStatusException {

	private final HttpHeaders headers = new HttpHeaders();

	CircuitOpenException(long retryAfterSeconds) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "circuit breaker open");
		this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
