package com.littlethreads.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import com.littlethreads.gateway.forwarded.ClientOrigins;

/**
 * Who is calling, for the buckets: the user, when the request carries an access token
 * whose signature, issuer, audience and expiry check out against user-service's keys
 * ({@link AccessTokens}, which also says why the check cannot be skipped); otherwise the
 * client's address.
 * <p>
 * The address is the client's by the gateway's one rule ({@link ClientOrigins}): the
 * connection's, or behind a trusted proxy the right-most untrusted
 * {@code X-Forwarded-For} entry. An IPv6 client is keyed by its /64: one subscriber gets
 * a whole /64 and could otherwise take a fresh address, and a fresh bucket, per request.
 */
class ClientKeys {

	private final ClientOrigins origins;

	private final AccessTokens tokens;

	ClientKeys(ClientOrigins origins, AccessTokens tokens) {
		this.origins = origins;
		this.tokens = tokens;
	}

	Mono<String> userOrAddress(ServerWebExchange exchange) {
		String token = bearerToken(exchange.getRequest());
		if (token == null) {
			return Mono.just(address(exchange));
		}
		return this.tokens.subject(token).map((subject) -> "user:" + subject).defaultIfEmpty(address(exchange));
	}

	String address(ServerWebExchange exchange) {
		return "ip:" + key(this.origins.of(exchange).address());
	}

	static String key(InetAddress address) {
		if (address == null) {
			return "unknown";
		}
		if (address instanceof Inet6Address) {
			byte[] network = Arrays.copyOf(address.getAddress(), 16);
			Arrays.fill(network, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(network).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return address.getHostAddress();
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
