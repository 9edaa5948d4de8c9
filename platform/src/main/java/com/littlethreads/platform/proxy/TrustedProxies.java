package com.littlethreads.platform.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Resolves the client address of a request. The TCP peer is the client unless it is a
 * trusted proxy; then {@code X-Forwarded-For} is read from the right (the entry the
 * nearest proxy added) to the left, skipping trusted proxies, and the first entry that is
 * not a trusted proxy is the client. Entries left of it were written by the client (or by
 * proxies nobody vouches for) and are ignored. A malformed entry ends the walk: the last
 * trusted hop reached is then the client, so nothing a client wrote is ever taken
 * unchecked.
 * <p>
 * The gateway keeps a rule of its own (gateway-service's {@code TrustedProxies}): at the
 * edge it also reads {@code address:port} entries from load balancers, which a service,
 * behind the gateway, refuses as malformed.
 */
final class TrustedProxies {

	private final List<IpAddressMatcher> ranges;

	TrustedProxies(List<String> cidrs) {
		this.ranges = cidrs.stream().map(IpAddressMatcher::new).toList();
	}

	/**
	 * The client address.
	 * @param peer the TCP peer's address
	 * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
	 * @return the address of the client, in its canonical text form
	 */
	String clientAddress(String peer, Enumeration<String> forwardedFor) {
		InetAddress peerAddress = IpLiterals.parse(peer);
		if (peerAddress == null || !isTrusted(peerAddress)) {
			return peer;
		}
		List<String> entries = new ArrayList<>();
		while (forwardedFor != null && forwardedFor.hasMoreElements()) {
			for (String entry : forwardedFor.nextElement().split(",")) {
				entries.add(entry);
			}
		}
		InetAddress client = peerAddress;
		for (int i = entries.size() - 1; i >= 0; i--) {
			InetAddress hop = IpLiterals.parse(entries.get(i));
			if (hop == null) {
				break;
			}
			client = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		return (client == peerAddress) ? peer : client.getHostAddress();
	}

	private boolean isTrusted(InetAddress address) {
		String text = address.getHostAddress();
		for (IpAddressMatcher range : this.ranges) {
			if (range.matches(text)) {
				return true;
			}
		}
		return false;
	}

}
