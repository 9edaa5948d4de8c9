package com.littlethreads.gateway.resilience;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.littlethreads.gateway.problem.Refusal;

/**
 * The service is being left alone for a while; the caller may try again after
 * {@code Retry-After} seconds.
 */
class CircuitOpenException extends Refusal {

	CircuitOpenException(long retryAfterSeconds) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "circuit breaker open");
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

}
