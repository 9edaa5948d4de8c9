package com.littlethreads.user.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created on first start when both email and password are set.
 *
 * @param email the admin's sign-in email ({@code ADMIN_EMAIL})
 * @param password the admin's first password ({@code ADMIN_PASSWORD}), which must pass
 * the password policy
 * @param displayName the admin's display name ({@code ADMIN_DISPLAY_NAME})
 */
@ConfigurationProperties("users.admin")
record AdminProperties(String email, String password, @DefaultValue("Shop admin") String displayName) {

	boolean isConfigured() {
		return this.email != null && !this.email.isBlank() && this.password != null && !this.password.isEmpty();
	}

	@Override
	public String toString() {
		// Never let the password reach a log through this record.
		return "AdminProperties[email=" + this.email + ", displayName=" + this.displayName + "]";
	}

}
