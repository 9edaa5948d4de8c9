package com.littlethreads.user.account;

import java.util.Locale;

/**
 * One spelling per mailbox, so that {@code Ann@Example.com } and {@code ann@example.com}
 * are the same account.
 */
public final class Emails {

	private Emails() {
	}

	public static String normalise(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : null;
	}

}
