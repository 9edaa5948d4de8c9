package com.littlethreads.user.account;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.platform.problem.Problems;
import com.littlethreads.user.account.AccountRequests.PasswordChange;
import com.littlethreads.user.account.AccountRequests.ProfileUpdate;
import com.littlethreads.user.throttle.PasswordAttempts;
import com.littlethreads.user.throttle.TooManyAttempts;

/**
 * The signed-in shopper's own account.
 */
@RestController
@RequestMapping("/api/users/me")
@Tag(name = "My account")
class ProfileController {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final PasswordAttempts attempts;

	private final Clock clock;

	ProfileController(UserRepository users, PasswordEncoder passwords, PasswordPolicy policy,
			ApplicationEventPublisher events, PasswordAttempts attempts, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.attempts = attempts;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "My profile")
	ProfileView me(@AuthenticationPrincipal Jwt token) {
		return ProfileView.of(SignedIn.user(this.users, token));
	}

	@PatchMapping
	@Operation(summary = "Change my display name or marketing choice",
			description = "Only displayName and marketingOptIn may be sent; any other field "
					+ "(email, roles, id ...) is refused with 400 malformed-body.")
	ProfileView update(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileUpdate update) {
		User user = SignedIn.user(this.users, token);
		if (update.displayName() != null) {
			user.setDisplayName(update.displayName().trim());
		}
		if (update.marketingOptIn() != null) {
			user.setMarketingOptIn(update.marketingOptIn());
		}
		user.setUpdatedAt(this.clock.instant());
		// Version-checked: a concurrent change is a 409, never a lost update.
		return ProfileView.of(this.users.save(user));
	}

	@PutMapping("/password")
	@Operation(summary = "Change my password; signs out every other session",
			description = "A wrong currentPassword is a 400 validation-failed problem naming currentPassword "
					+ "(not 401/403: the access token is fine, the form is not). Wrong current passwords count "
					+ "against the sign-in limits, per client address and per account: once they are used up "
					+ "the answer is 429 too-many-attempts with Retry-After, even for the right password. "
					+ "On success every refresh token of the account is revoked; access tokens already issued "
					+ "expire on their own.")
	@ApiResponse(responseCode = "204", description = "Changed")
	@ApiResponse(responseCode = "429", description = "too many wrong passwords from this address or for this account")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordChange change,
			HttpServletRequest http) {
		User user = SignedIn.user(this.users, token);
		String address = http.getRemoteAddr();
		// A stolen access token must not turn this form into an unthrottled password
		// oracle: the same limits as sign-in, taken before the check.
		this.attempts.take(address, user.getEmail()).ifPresent((wait) -> {
			throw TooManyAttempts.problem(wait, "wrong passwords");
		});
		if (!this.passwords.matches(change.currentPassword(), user.getPasswordHash())) {
			throw Problems.invalidField("currentPassword", "is not your current password");
		}
		this.attempts.succeeded(address, user.getEmail());
		this.policy.problem(change.newPassword(), user.getEmail()).ifPresent((problem) -> {
			throw Problems.invalidField("newPassword", problem);
		});
		user.setPasswordHash(this.passwords.encode(change.newPassword()));
		user.setUpdatedAt(this.clock.instant());
		this.users.save(user);
		this.events.publishEvent(new PasswordChanged(user.getId()));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping
	@Operation(summary = "Delete my account and its personal data (profile and addresses)",
			description = "Every refresh token is revoked; the email may register again. Orders kept "
					+ "elsewhere hold only the user id, which is never reused.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token) {
		User user = SignedIn.user(this.users, token);
		this.events.publishEvent(new AccountDeleted(user.getId()));
		this.users.delete(user);
		return ResponseEntity.noContent().build();
	}

}
