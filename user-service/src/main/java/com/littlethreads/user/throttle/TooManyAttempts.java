package com.littlethreads.user.throttle;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.problem.Problems;

/**
 * The answer when a bucket is empty: a 429 {@code too-many-attempts} problem with
 * Retry-After, the same for every place that checks a secret.
 */
public final class TooManyAttempts {

	private TooManyAttempts() {
	}

	/**
	 * The problem.
	 * @param wait how long the caller must wait
	 * @param what what there were too many of, for the detail ("failed sign-ins")
	 * @return the problem, with Retry-After in whole seconds (at least 1)
	 */
	public static ErrorResponseException problem(Duration wait, String what) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		ErrorResponseException problem = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
				Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
						"Too many %s. Try again in %d seconds.".formatted(what, seconds)),
				null);
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		return problem;
	}

}
