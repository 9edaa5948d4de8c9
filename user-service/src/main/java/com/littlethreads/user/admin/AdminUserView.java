package com.littlethreads.user.admin;

import java.time.Instant;
import java.util.List;

import com.littlethreads.user.account.Role;
import com.littlethreads.user.account.User;

/**
 * An account as an admin sees it: who, and what they may do. No password hash, no
 * addresses.
 *
 * @param id the user id
 * @param email the sign-in email
 * @param displayName the display name
 * @param roles the roles
 * @param createdAt when the account was created
 */
record AdminUserView(String id, String email, String displayName, List<Role> roles, Instant createdAt) {

	static AdminUserView of(User user) {
		return new AdminUserView(user.getId(), user.getEmail(), user.getDisplayName(),
				user.getRoles().stream().sorted().toList(), user.getCreatedAt());
	}

	/**
	 * One page of accounts, oldest first.
	 *
	 * @param items the accounts on this page
	 * @param page the page number, from 0
	 * @param pageSize the page size
	 * @param total how many accounts there are
	 */
	record Page(List<AdminUserView> items, int page, int pageSize, long total) {

	}

}
