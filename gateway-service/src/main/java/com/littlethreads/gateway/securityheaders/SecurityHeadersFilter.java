package com.littlethreads.gateway.securityheaders;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.littlethreads.gateway.forwarded.ClientOrigins;

/**
 * Sets the browser security headers on every response: proxied ones and the gateway's own
 * problems. They are set just before the response is committed and overwrite whatever a
 * service sent, so that no service can weaken them.
 * <p>
 * {@code Strict-Transport-Security} only when the request came over TLS, directly or
 * through a trusted proxy that says so in {@code X-Forwarded-Proto} (the gateway's one
 * rule, {@link ClientOrigins}); browsers ignore it over plain HTTP, and sending it there
 * would claim something the gateway cannot see.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

	static final String HSTS = "max-age=31536000; includeSubDomains";

	private final ClientOrigins origins;

	SecurityHeadersFilter(ClientOrigins origins) {
		this.origins = origins;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean secure = this.origins.of(exchange).secure();
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

	@Override
	public int getOrder() {
		// Early, so that every answer, even one a later filter gives itself, carries
		// them.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	/**
	 * Spring's filter chain asks each web filter for its name on every request, for a
	 * checkpoint: Object's own {@code toString} would build a new string each time.
	 */
	@Override
	public String toString() {
		return "SecurityHeadersFilter";
	}

}
