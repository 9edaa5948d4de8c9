package com.littlethreads.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.littlethreads.platform.input.SingleLine;

/**
 * What the account endpoints accept. Each names exactly the fields a shopper may change:
 * anything else (an {@code email}, {@code roles}, {@code id} ...) is refused rather than
 * silently dropped (the platform's strict request bodies), so a client can never believe
 * it changed what it cannot.
 */
final class AccountRequests {

	private AccountRequests() {
	}

	/**
	 * A partial profile update: absent fields stay as they are.
	 *
	 * @param displayName the new display name
	 * @param marketingOptIn whether the shopper wants marketing email
	 */
	record ProfileUpdate(@Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*",
			message = "must not be blank") @SingleLine String displayName, Boolean marketingOptIn) {

	}

	/**
	 * A password change.
	 *
	 * @param currentPassword the password the account has now
	 * @param newPassword the password it should have
	 */
	record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
			@NotBlank @Size(max = 200) String newPassword) {

	}

}
