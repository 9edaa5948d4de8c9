package com.littlethreads.user.account;

import java.time.Instant;
import java.util.List;

/**
 * An account as its owner sees it.
 *
 * @param id the user id (the {@code sub} of access tokens)
 * @param email the sign-in email
 * @param displayName the name the shop addresses the shopper by
 * @param roles what the account may do
 * @param marketingOptIn whether the shopper wants marketing email
 * @param createdAt when the account was created
 */
public record ProfileView(String id, String email, String displayName, List<Role> roles, boolean marketingOptIn,
		Instant createdAt) {

	public static ProfileView of(User user) {
		return new ProfileView(user.getId(), user.getEmail(), user.getDisplayName(),
				user.getRoles().stream().sorted().toList(), user.isMarketingOptIn(), user.getCreatedAt());
	}

}
