package com.littlethreads.emulator.api;

import java.security.SecureRandom;

/**
 * Object ids in Stripe's shape: a type prefix and random base62 characters.
 */
public final class StripeIds {

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private StripeIds() {
	}

	/**
	 * A new id.
	 * @param prefix the type prefix, such as {@code cs_test_} or {@code pi_}
	 * @param length how many random characters follow it
	 * @return the id
	 */
	public static String next(String prefix, int length) {
		StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
		for (int i = 0; i < length; i++) {
			id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return id.toString();
	}

}
