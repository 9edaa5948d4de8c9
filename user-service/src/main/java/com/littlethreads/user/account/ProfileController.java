package com.littlethreads.user.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.platform.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * The signed-in shopper's own account.
 */
@RestController
@RequestMapping("/api/users/me")
@Tag(name = "My account")
@SecurityRequirement(name = "bearer")
class ProfileController {

	private final UserRepository users;

	ProfileController(UserRepository users) {
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "My profile")
	ProfileView me(@AuthenticationPrincipal Jwt token) {
		return ProfileView.of(current(token));
	}

	private User current(Jwt token) {
		// A valid token for an account deleted since it was issued.
		return this.users.findById(token.getSubject())
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED,
					Problems.of(ProblemType.UNAUTHORIZED, "This account no longer exists."), null));
	}

}
