package com.littlethreads.user.auth;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.problem.Problems;

/**
 * Sign-in's own problem types. None of them says whether an email has an account.
 */
final class AuthProblems {

	private AuthProblems() {
	}

	static ErrorResponseException invalidCredentials() {
		return new ErrorResponseException(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED,
				"invalid-credentials", "Sign-in failed", "The email or password is not right."), null);
	}

	static ErrorResponseException invalidRefreshToken() {
		return new ErrorResponseException(HttpStatus.UNAUTHORIZED,
				Problems.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Session ended",
						"Your session has ended or was signed out elsewhere. Please sign in again."),
				null);
	}

}
