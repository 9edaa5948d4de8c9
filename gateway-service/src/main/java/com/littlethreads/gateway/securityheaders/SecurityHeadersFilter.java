package com.littlethreads.gateway.securityheaders;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the browser security headers on every response: proxied ones, the gateway's own
 * problems and its actuator. They are set just before the response is committed and
 * overwrite whatever a service sent, so that no service can weaken them.
 * <p>
 * {@code Strict-Transport-Security} only when the request came over TLS, directly or
 * through a trusted proxy that says so in {@code X-Forwarded-Proto}; browsers ignore it
 * over plain HTTP, and sending it there would claim something the gateway cannot see.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

	static final String HSTS = "max-age=31536000; includeSubDomains";

	private final Pattern trustedProxies;

	SecurityHeadersFilter(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
		this.trustedProxies = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean secure = arrivedOverTls(exchange.getRequest());
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
			headers.set("X-Frame-Options", "DENY");
			if (secure) {
				headers.set("Strict-Transport-Security", HSTS);
			}
			else {
				headers.remove("Strict-Transport-Security");
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	boolean arrivedOverTls(ServerHttpRequest request) {
		if ("https".equalsIgnoreCase(request.getURI().getScheme())) {
			return true;
		}
		String forwardedProto = request.getHeaders().getFirst("X-Forwarded-Proto");
		return "https".equalsIgnoreCase(forwardedProto) && fromTrustedProxy(request);
	}

	private boolean fromTrustedProxy(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (this.trustedProxies == null || remote == null || remote.getAddress() == null) {
			return false;
		}
		return this.trustedProxies.matcher(remote.getAddress().getHostAddress()).matches();
	}

	@Override
	public int getOrder() {
		// Early, so that every answer, even one a later filter gives itself, carries
		// them.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
