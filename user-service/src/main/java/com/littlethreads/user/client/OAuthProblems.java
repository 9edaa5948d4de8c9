package com.littlethreads.user.client;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.problem.Problems;

/**
 * The token endpoint's errors: problem details like every other error here, which also
 * carry RFC 6749's {@code error} and {@code error_description} members so that OAuth
 * client libraries understand them.
 */
final class OAuthProblems {

	private OAuthProblems() {
	}

	/**
	 * The same answer for an unknown client, a wrong secret and missing credentials, so
	 * that client ids cannot be discovered.
	 * @return the problem
	 */
	static ErrorResponseException invalidClient() {
		ErrorResponseException problem = problem(HttpStatus.UNAUTHORIZED, "invalid_client",
				"Client authentication failed", "The client id or secret is not right.");
		problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"little-threads\"");
		return problem;
	}

	static ErrorResponseException invalidRequest(String detail) {
		return problem(HttpStatus.BAD_REQUEST, "invalid_request", "Invalid token request", detail);
	}

	static ErrorResponseException unsupportedGrantType() {
		return problem(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Unsupported grant type",
				"Only the client_credentials grant is supported here.");
	}

	static ErrorResponseException invalidScope() {
		return problem(HttpStatus.BAD_REQUEST, "invalid_scope", "Scope not allowed",
				"The requested scope is unknown or not allowed for this client.");
	}

	private static ErrorResponseException problem(HttpStatus status, String error, String title, String detail) {
		ProblemDetail problem = Problems.of(status, error.replace('_', '-'), title, detail);
		problem.setProperty("error", error);
		problem.setProperty("error_description", detail);
		return new ErrorResponseException(status, problem, null);
	}

}
