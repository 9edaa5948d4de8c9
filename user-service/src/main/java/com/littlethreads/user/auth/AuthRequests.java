package com.littlethreads.user.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.littlethreads.platform.input.SingleLine;
import com.littlethreads.user.account.Emails;

/**
 * What the sign-in endpoints accept.
 */
final class AuthRequests {

	private AuthRequests() {
	}

	record RegisterRequest(@NotBlank @Email @Size(max = 254) @SingleLine String email,
			@NotBlank @Size(max = 80) @SingleLine String displayName, @NotBlank @Size(max = 200) String password,
			Boolean marketingOptIn) {

		RegisterRequest {
			// Normalised before validation: "Ann@Example.com " (pasted with a space) is a
			// well-formed address once trimmed, and the same account as ann@example.com.
			email = Emails.normalise(email);
		}

	}

	record LoginRequest(@NotBlank @Size(max = 254) @SingleLine String email,
			@NotBlank @Size(max = 200) String password) {

	}

	record RefreshRequest(@Size(max = 200) String refreshToken) {

	}

	/**
	 * What a sign-in or refresh answers. The refresh token travels only in its cookie.
	 *
	 * @param accessToken the JWT for the Authorization header
	 * @param tokenType always {@code Bearer}
	 * @param expiresIn seconds until the access token expires
	 */
	record TokenResponse(String accessToken, String tokenType, long expiresIn) {

	}

}
