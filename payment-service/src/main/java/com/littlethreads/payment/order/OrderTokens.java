package com.littlethreads.payment.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Guests' order tokens: 256 random bits, shown once at checkout; only their SHA-256 is
 * stored, so a copy of the database does not open anyone's order.
 */
public final class OrderTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OrderTokens() {
	}

	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String newOrderId() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return "ord_" + HexFormat.of().formatHex(bytes);
	}

	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a presented token is the order's, in time independent of where they differ.
	 * @param order the order
	 * @param presented the token from the request, or {@code null}
	 * @return {@code true} if it matches
	 */
	public static boolean matches(Order order, String presented) {
		if (order.orderTokenHash() == null || presented == null || presented.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(order.orderTokenHash().getBytes(StandardCharsets.UTF_8),
				hash(presented).getBytes(StandardCharsets.UTF_8));
	}

}
