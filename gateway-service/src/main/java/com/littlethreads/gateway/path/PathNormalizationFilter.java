package com.littlethreads.gateway.path;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.littlethreads.gateway.problem.ProblemException;

/**
 * Puts the request path in its one normalised form ({@link NormalizedPaths}) before
 * anything reads it, or refuses the request with a 400 {@code invalid-path} problem. The
 * rate limits, CORS, the routes and the storefront then match the same path, and the
 * services receive it: what is proxied is the normalised path, so no hop decodes a
 * different one. The query is passed on as it came.
 */
@Component
class PathNormalizationFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String raw = exchange.getRequest().getURI().getRawPath();
		String normalized = NormalizedPaths.normalize(raw);
		if (normalized == null) {
			return Mono.error(ProblemException.invalidPath());
		}
		if (normalized.equals(raw)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request((request) -> request.path(normalized)).build());
	}

	@Override
	public int getOrder() {
		// Right after the request id and the security headers, so the refusal carries
		// them, and before everything that reads the path.
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	/**
	 * Spring's filter chain asks each web filter for its name on every request, for a
	 * checkpoint: Object's own {@code toString} would build a new string each time.
	 */
	@Override
	public String toString() {
		return "PathNormalizationFilter";
	}

}
