package com.littlethreads.platform.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Reads IP address literals, and nothing else. {@link InetAddress#getByName} would look
 * up anything that is not a literal (a host name, {@code 1.2.3.999}) in DNS: with
 * {@code X-Forwarded-For} entries written by clients that would be a lookup per request
 * of a name the attacker chose.
 */
final class IpLiterals {

	private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	// Hex digits, colons and an embedded IPv4 tail; no zone id (%eth0), which names an
	// interface of the sender, not an address.
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private IpLiterals() {
	}

	/**
	 * The address written as {@code text}, or {@code null} when it is not an IPv4 or IPv6
	 * literal (IPv6 may be in brackets).
	 * @param text the candidate
	 * @return the address, or {@code null}
	 */
	static InetAddress parse(String text) {
		if (text == null) {
			return null;
		}
		// Optional whitespace around a list element is spaces and tabs (RFC 9110); trim()
		// would also drop control characters.
		String candidate = text.replaceAll("^[ \t]+|[ \t]+$", "");
		if (candidate.startsWith("[") && candidate.endsWith("]")) {
			candidate = candidate.substring(1, candidate.length() - 1);
			if (!candidate.contains(":")) {
				return null;
			}
		}
		boolean literal = IPV4.matcher(candidate).matches()
				|| (candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches());
		if (!literal) {
			return null;
		}
		try {
			// Only a literal gets here, so this parses it and never asks DNS.
			return InetAddress.getByName(candidate);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
