package com.littlethreads.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An answer the gateway gives itself instead of proxying the request: its status, and the
 * headers it goes out with (say, {@code Retry-After}), which
 * {@link ProblemExceptionHandler} writes with the problem. Without a stack trace: a
 * refusal is routine, and frequent when it happens at all.
 */
public class Refusal extends ResponseStatusException {

	private final HttpHeaders headers = new HttpHeaders();

	protected Refusal(HttpStatus status, String reason) {
		super(status, reason);
	}

	/**
	 * The answer's headers, set by the refusal as it is made.
	 */
	@Override
	public final HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public final synchronized Throwable fillInStackTrace() {
		return this;
	}

}
