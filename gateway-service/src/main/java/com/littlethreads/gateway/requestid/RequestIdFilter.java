package com.littlethreads.gateway.requestid;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.littlethreads.platform.core.requestid.RequestIds;

/**
 * Gives every request a safe {@code X-Request-Id}: the caller's when it is acceptable,
 * otherwise a new UUID. The id goes on the request that is proxied and on the response.
 * <p>
 * This is a {@link WebFilter} rather than a gateway {@code GlobalFilter} because global
 * filters run only for requests that match a route, and the answers the gateway gives
 * itself (a 404 for an unknown path, its own actuator) must carry the id too.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
		exchange.getAttributes().put(RequestIds.ATTRIBUTE, id);
		// Set just before the response is committed so that an id echoed by the service,
		// or headers replaced by an error handler, cannot leave the caller without ours.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
			return Mono.empty();
		});
		ServerWebExchange withId = exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(RequestIds.HEADER, id)))
			.build();
		return chain.filter(withId);
	}

	@Override
	public int getOrder() {
		// First, so that every later filter, and any error they raise, sees the id.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Spring's filter chain asks each web filter for its name on every request, for a
	 * checkpoint: Object's own {@code toString} would build a new string each time.
	 */
	@Override
	public String toString() {
		return "RequestIdFilter";
	}

}
