package com.littlethreads.gateway.forwarded;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one rule for who the client is (C1 in issue 13), used by the rate limits, the
 * forwarded headers, the security headers and the access log alike.
 * <p>
 * The client's address is the connection's, unless the connection comes from a trusted
 * proxy: then it is the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy. Each trusted hop vouches only for the hop just before it, so entries
 * left of the first untrusted one are whatever the client chose to write and are ignored.
 * An entry that is not an address literal ends the walk at the last address vouched for.
 * <p>
 * {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port} count only from a trusted
 * proxy too, and then their first (left-most) value: the one the outermost proxy wrote
 * about the client's connection.
 */
public class ClientOrigins {

	static final String ATTRIBUTE = ClientOrigins.class.getName() + ".origin";

	/**
	 * The header in which proxies name the addresses a request came from.
	 */
	public static final String X_FORWARDED_FOR = "X-Forwarded-For";

	static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

	static final String X_FORWARDED_HOST = "X-Forwarded-Host";

	static final String X_FORWARDED_PORT = "X-Forwarded-Port";

	/**
	 * A host name or address with an optional port: nothing a header could be forged
	 * with.
	 */
	private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]{1,253})(:\\d{1,5})?");

	private static final Pattern PORT = Pattern.compile("\\d{1,5}");

	private final TrustedProxies trustedProxies;

	public ClientOrigins(TrustedProxies trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	/**
	 * Where the exchange's request came from, worked out once per exchange.
	 * @param exchange the exchange
	 * @return its origin
	 */
	public ClientOrigin of(ServerWebExchange exchange) {
		ClientOrigin known = exchange.getAttribute(ATTRIBUTE);
		if (known != null) {
			return known;
		}
		ClientOrigin origin = of(exchange.getRequest());
		exchange.getAttributes().put(ATTRIBUTE, origin);
		return origin;
	}

	ClientOrigin of(ServerHttpRequest request) {
		InetAddress peer = peer(request.getRemoteAddress());
		HttpHeaders headers = request.getHeaders();
		InetAddress client = address(peer, headers.getOrEmpty(X_FORWARDED_FOR));
		URI uri = request.getURI();
		boolean direct = !this.trustedProxies.contains(peer);
		boolean secure = "https".equalsIgnoreCase(uri.getScheme())
				|| (!direct && "https".equalsIgnoreCase(first(headers, X_FORWARDED_PROTO)));
		String host = direct ? null : valid(first(headers, X_FORWARDED_HOST), HOST);
		if (host == null) {
			host = valid(headers.getFirst(HttpHeaders.HOST), HOST);
		}
		String port = direct ? null : valid(first(headers, X_FORWARDED_PORT), PORT);
		return new ClientOrigin(client, secure, host, (port != null) ? Integer.parseInt(port) : port(host, secure));
	}

	/**
	 * The client's address, by the rule above.
	 * @param peer the connection's address
	 * @param forwardedFor every {@code X-Forwarded-For} header value, in order
	 * @return the client's address; {@code null} only when {@code peer} is
	 */
	public InetAddress address(InetAddress peer, List<String> forwardedFor) {
		if (peer == null || !this.trustedProxies.contains(peer) || forwardedFor.isEmpty()) {
			return peer;
		}
		InetAddress current = peer;
		for (int header = forwardedFor.size() - 1; header >= 0; header--) {
			String[] entries = forwardedFor.get(header).split(",", -1);
			for (int i = entries.length - 1; i >= 0; i--) {
				InetAddress hop = TrustedProxies.parseAddress(entries[i]);
				if (hop == null) {
					return current;
				}
				current = hop;
				if (!this.trustedProxies.contains(hop)) {
					return hop;
				}
			}
		}
		// Every hop is a trusted proxy (a request made inside the network): the
		// outermost.
		return current;
	}

	/**
	 * Whether a connection's address is one of the trusted proxies, whose forwarding
	 * headers count.
	 * @param peer the connection's address, or {@code null}
	 * @return {@code false} for {@code null}
	 */
	public boolean isTrustedProxy(InetAddress peer) {
		return this.trustedProxies.contains(peer);
	}

	static InetAddress peer(InetSocketAddress remote) {
		return (remote != null) ? remote.getAddress() : null;
	}

	private static String first(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null) {
			return null;
		}
		int comma = value.indexOf(',');
		return ((comma >= 0) ? value.substring(0, comma) : value).strip();
	}

	private static String valid(String value, Pattern pattern) {
		return (value != null && pattern.matcher(value).matches()) ? value.toLowerCase(Locale.ROOT) : null;
	}

	private static int port(String host, boolean secure) {
		if (host != null) {
			int colon = host.lastIndexOf(':');
			if (colon > host.lastIndexOf(']')) {
				return Integer.parseInt(host.substring(colon + 1));
			}
		}
		return secure ? 443 : 80;
	}

}
