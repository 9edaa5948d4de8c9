package com.littlethreads.gateway.forwarded;

import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import com.littlethreads.gateway.headers.HeaderCopies;

/**
 * What a service learns about the client: every {@code Forwarded}, {@code X-Forwarded-*}
 * and {@code X-Real-IP} header the caller sent is dropped, and exactly one
 * {@code X-Forwarded-For} (the client's address, by {@link ClientOrigins}' rule) and one
 * each of {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port} are sent instead.
 * <p>
 * The services trust these headers from the gateway's address only, and read the first
 * hop as the client: so the gateway must never pass on a list a caller could have
 * started. Ordered after the gateway's own header filters, and just before the one that
 * adds the trace context ({@code tracing.TraceContextHeadersFilter}), which writes into
 * this filter's copy.
 * <p>
 * The same copy leaves out the hop-by-hop headers ({@link HopByHopHeaders}), which
 * describe the caller's connection to the gateway, not the gateway's to the service.
 */
class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

	private final ClientOrigins origins;

	ForwardedHeadersFilter(ClientOrigins origins) {
		this.origins = origins;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Set<String> hopByHop = HopByHopHeaders.of(input);
		HttpHeaders filtered = HeaderCopies.without(input,
				(lower) -> isForwardingHeader(lower) || hopByHop.contains(lower));
		ClientOrigin origin = this.origins.of(exchange);
		if (origin.address() != null) {
			filtered.set(ClientOrigins.X_FORWARDED_FOR, origin.address().getHostAddress());
		}
		filtered.set(ClientOrigins.X_FORWARDED_PROTO, origin.scheme());
		if (origin.host() != null) {
			filtered.set(ClientOrigins.X_FORWARDED_HOST, origin.host());
		}
		filtered.set(ClientOrigins.X_FORWARDED_PORT, Integer.toString(origin.port()));
		return filtered;
	}

	/**
	 * @param lower a header name in lower case
	 */
	static boolean isForwardingHeader(String lower) {
		return lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip");
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
