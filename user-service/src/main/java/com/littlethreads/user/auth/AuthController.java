package com.littlethreads.user.auth;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;
import com.littlethreads.user.account.Emails;
import com.littlethreads.user.account.PasswordPolicy;
import com.littlethreads.user.account.ProfileView;
import com.littlethreads.user.account.User;
import com.littlethreads.user.account.UserRepository;
import com.littlethreads.user.auth.AuthRequests.LoginRequest;
import com.littlethreads.user.auth.AuthRequests.RefreshRequest;
import com.littlethreads.user.auth.AuthRequests.RegisterRequest;
import com.littlethreads.user.auth.AuthRequests.TokenResponse;
import com.littlethreads.user.throttle.PasswordAttempts;
import com.littlethreads.user.throttle.TooManyAttempts;
import com.littlethreads.user.token.AccessTokens;
import com.littlethreads.user.token.AccessTokens.IssuedToken;

/**
 * Registering, signing in, staying signed in and signing out.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Sign-in")
class AuthController {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final RefreshCookie cookie;

	private final PasswordAttempts attempts;

	private final Clock clock;

	private final SignInMeters meters;

	/**
	 * Compared against when the email has no account, so that a failed sign-in takes as
	 * long whether or not the account exists.
	 */
	private final String decoyHash;

	AuthController(UserRepository users, PasswordEncoder passwords, PasswordPolicy policy, AccessTokens accessTokens,
			RefreshTokens refreshTokens, RefreshCookie cookie, PasswordAttempts attempts, Clock clock,
			SignInMeters meters) {
		this.meters = meters;
		this.users = users;
		this.passwords = passwords;
		this.policy = policy;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.cookie = cookie;
		this.attempts = attempts;
		this.clock = clock;
		this.decoyHash = passwords.encode("decoy password that matches nothing");
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a customer account")
	ResponseEntity<ProfileView> register(@Valid @RequestBody RegisterRequest request) {
		String email = Emails.normalise(request.email());
		this.policy.problem(request.password(), email).ifPresent((problem) -> {
			throw Problems.invalidField("password", problem);
		});
		if (this.users.existsByEmail(email)) {
			throw new ErrorResponseException(HttpStatus.CONFLICT,
					Problems.of(ProblemType.DUPLICATE, "An account with this email already exists. Sign in instead."),
					null);
		}
		User user = new User(email, request.displayName().trim(), this.passwords.encode(request.password()),
				this.clock.instant());
		user.setMarketingOptIn(Boolean.TRUE.equals(request.marketingOptIn()));
		User created = this.users.insert(user);
		this.meters.registered();
		return ResponseEntity.created(URI.create("/api/users/me")).body(ProfileView.of(created));
	}

	@PostMapping("/login")
	@Operation(summary = "Sign in with email and password")
	ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		String email = Emails.normalise(request.email());
		String address = http.getRemoteAddr();
		// Taken before the password is checked and kept when it is wrong: however many
		// guesses arrive at once, no more are checked than the buckets hold.
		this.attempts.take(address, email).ifPresent((wait) -> {
			this.meters.throttled();
			throw TooManyAttempts.problem(wait, "failed sign-ins");
		});
		User user = this.users.findByEmail(email).orElse(null);
		String hash = (user != null) ? user.getPasswordHash() : this.decoyHash;
		if (!this.passwords.matches(request.password(), hash) || user == null) {
			this.meters.failed();
			throw AuthProblems.invalidCredentials();
		}
		this.attempts.succeeded(address, email);
		this.meters.succeeded();
		if (this.passwords.upgradeEncoding(user.getPasswordHash())) {
			user.setPasswordHash(this.passwords.encode(request.password()));
			this.users.save(user);
		}
		return signedIn(user, this.refreshTokens.issue(user.getId()));
	}

	@PostMapping("/refresh")
	@Operation(summary = "Exchange the refresh token (cookie, or body for API clients) for new tokens")
	@Parameter(in = ParameterIn.COOKIE, name = RefreshCookie.NAME, description = "the refresh token, as sign-in set it",
			schema = @Schema(type = "string", maxLength = 200))
	ResponseEntity<TokenResponse> refresh(@Valid @RequestBody(required = false) RefreshRequest body,
			HttpServletRequest http) {
		String presented = (body != null && body.refreshToken() != null) ? body.refreshToken()
				: RefreshCookie.read(http);
		RefreshTokens.Rotation rotation = this.refreshTokens.rotate(presented)
			.orElseThrow(AuthProblems::invalidRefreshToken);
		User user = this.users.findById(rotation.userId()).orElseThrow(AuthProblems::invalidRefreshToken);
		return signedIn(user, rotation.token());
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Sign out: the refresh token and its family stop working")
	@Parameter(in = ParameterIn.COOKIE, name = RefreshCookie.NAME, description = "the refresh token, as sign-in set it",
			schema = @Schema(type = "string", maxLength = 200))
	ResponseEntity<Void> logout(@Valid @RequestBody(required = false) RefreshRequest body, HttpServletRequest http) {
		String presented = (body != null && body.refreshToken() != null) ? body.refreshToken()
				: RefreshCookie.read(http);
		this.refreshTokens.revokeFamilyOf(presented);
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, this.cookie.clear()).build();
	}

	private ResponseEntity<TokenResponse> signedIn(User user, String refreshToken) {
		List<String> roles = user.getRoles().stream().map(Enum::name).sorted().toList();
		IssuedToken access = this.accessTokens.issue(user.getId(), roles);
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, this.cookie.set(refreshToken))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new TokenResponse(access.value(), "Bearer", access.expiresIn()));
	}

}
