package com.littlethreads.gateway.forwarded;

import java.net.InetAddress;

/**
 * Where a request came from, as far as the gateway can vouch for it.
 *
 * @param address the client's address (see {@link ClientOrigins}), or {@code null} when
 * the connection has none (a test's mock request)
 * @param secure whether the request arrived over TLS, at the gateway or at the trusted
 * proxy in front of it
 * @param host the host the client asked for ({@code Host}, or a trusted proxy's
 * {@code X-Forwarded-Host}), with its port when it named one; {@code null} if unknown
 * @param port the port the client connected to
 */
public record ClientOrigin(InetAddress address, boolean secure, String host, int port) {

	/**
	 * The scheme the client used.
	 * @return {@code https} or {@code http}
	 */
	public String scheme() {
		return this.secure ? "https" : "http";
	}

}
