package com.littlethreads.user.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * The account an access token speaks for.
 */
final class SignedIn {

	private SignedIn() {
	}

	static User user(UserRepository users, Jwt token) {
		// A valid token for an account deleted since it was issued.
		return users.findById(token.getSubject())
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED,
					Problems.of(ProblemType.UNAUTHORIZED, "This account no longer exists."), null));
	}

}
