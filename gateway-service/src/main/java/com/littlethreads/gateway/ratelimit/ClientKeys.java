package com.littlethreads.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Who is calling, for the buckets: the user, when the request carries an access token
 * whose signature, issuer, audience and expiry check out against user-service's keys;
 * otherwise the client's address. An unverified token is never used as a key, or anyone
 * could make up a fresh "user" per request and never run out.
 * <p>
 * The address is the connection's, or, when that is a trusted proxy (a CDN's or load
 * balancer's last hop, the same {@code trusted-proxies} the gateway forwards
 * {@code X-Forwarded-For} for), the right-most address in {@code X-Forwarded-For} that is
 * not itself a trusted proxy. Entries left of it are the client's to write and are
 * ignored.
 */
class ClientKeys {

	private final Pattern trustedProxies;

	private final ReactiveJwtDecoder tokens;

	ClientKeys(Pattern trustedProxies, ReactiveJwtDecoder tokens) {
		this.trustedProxies = trustedProxies;
		this.tokens = tokens;
	}

	Mono<String> userOrAddress(ServerHttpRequest request) {
		String token = bearerToken(request);
		if (token == null) {
			return Mono.just(address(request));
		}
		return this.tokens.decode(token)
			.map((jwt) -> "user:" + jwt.getSubject())
			.onErrorResume((ex) -> Mono.empty())
			.defaultIfEmpty(address(request));
	}

	String address(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		String connection = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		List<String> hops = new ArrayList<>();
		for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
			for (String hop : header.split(",")) {
				if (StringUtils.hasText(hop)) {
					hops.add(hop.trim());
				}
			}
		}
		hops.add(connection);
		// From the right: each trusted hop vouches for the one before it.
		for (int i = hops.size() - 1; i > 0; i--) {
			if (!isTrusted(hops.get(i))) {
				return "ip:" + hops.get(i);
			}
		}
		return "ip:" + hops.get(0);
	}

	private boolean isTrusted(String address) {
		return this.trustedProxies != null && this.trustedProxies.matcher(address).matches();
	}

	private static String bearerToken(ServerHttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.length() <= 7
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return authorization.substring(7).trim();
	}

}
