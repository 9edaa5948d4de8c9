package com.littlethreads.payment;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} format checkout and refunds accept: 8 to 255 visible ASCII
 * characters ({@code !} to {@code ~}, so no spaces). Anything else is refused before it
 * is used: for refunds the key goes on to Stripe in a header, where a non-ASCII character
 * failed only after the request was half done (502), and Spring Security's firewall
 * refuses some values only when the header is read (500).
 */
public final class IdempotencyKeys {

	/**
	 * The header's name.
	 */
	public static final String HEADER = "Idempotency-Key";

	private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{8,255}");

	private IdempotencyKeys() {
	}

	/**
	 * The request's key, if it has the accepted format.
	 * @param request the request
	 * @param forEach what a new key is needed for, for the message ({@code checkout})
	 * @return the key
	 * @throws ErrorResponseException 400 {@code invalid-parameter} naming the header
	 */
	public static String require(HttpServletRequest request, String forEach) {
		String key;
		try {
			key = request.getHeader(HEADER);
		}
		catch (RequestRejectedException ex) {
			// Spring Security's firewall refuses some header values (control characters,
			// UTF-8 bytes read as ISO-8859-1) only when the header is read: a 500 unless
			// answered here.
			key = null;
		}
		if (key == null || !FORMAT.matcher(key).matches()) {
			throw PaymentProblems.invalidHeader(HEADER,
					"is required: 8 to 255 visible ASCII characters (no spaces), new for each " + forEach);
		}
		return key;
	}

}
