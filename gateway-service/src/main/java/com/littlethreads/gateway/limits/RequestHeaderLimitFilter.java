package com.littlethreads.gateway.limits;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.littlethreads.gateway.problem.Refusal;

/**
 * Refuses a header block over {@code littlethreads.limits.max-header-size} with a 431
 * problem.
 * <p>
 * Netty would refuse it itself, but while decoding, before any filter runs, where the
 * gateway can only rewrite Netty's bare 431 into a problem (BareRejections in the problem
 * package). So Netty's own limit ({@code server.max-http-request-header-size}) is set
 * well above this one, and this filter enforces the real limit where the answer also
 * carries the security headers and the caller's request id.
 */
@Component
class RequestHeaderLimitFilter implements WebFilter, Ordered {

	private final long maxHeaderSize;

	RequestHeaderLimitFilter(LimitsProperties properties) {
		this.maxHeaderSize = properties.maxHeaderSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (headerBlockSize(exchange.getRequest()) > this.maxHeaderSize) {
			return Mono.error(new HeadersTooLargeException());
		}
		return chain.filter(exchange);
	}

	/**
	 * Counted as on the wire: "name: value" and a line break per value.
	 */
	private static long headerBlockSize(ServerHttpRequest request) {
		// Netty's own headers where they are at hand, as the client sent them: Spring's
		// view of them would build a case-insensitive map of every name for each request
		// first (docs/benchmarks.md).
		if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty) {
			long size = 0;
			Iterator<Map.Entry<CharSequence, CharSequence>> headers = netty.requestHeaders().iteratorCharSequence();
			while (headers.hasNext()) {
				Map.Entry<CharSequence, CharSequence> header = headers.next();
				size += header.getKey().length() + 2 + header.getValue().length() + 2;
			}
			return size;
		}
		return headerBlockSize(request.getHeaders().headerSet());
	}

	private static long headerBlockSize(Iterable<Map.Entry<String, List<String>>> headers) {
		long size = 0;
		for (Map.Entry<String, List<String>> header : headers) {
			for (String value : header.getValue()) {
				size += header.getKey().length() + 2 + value.length() + 2;
			}
		}
		return size;
	}

	@Override
	public int getOrder() {
		// Right after the request id and security headers, so the refusal carries them.
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	/**
	 * Spring's filter chain asks each web filter for its name on every request, for a
	 * checkpoint: Object's own {@code toString} would build a new string each time.
	 */
	@Override
	public String toString() {
		return "RequestHeaderLimitFilter";
	}

	/**
	 * The caller's doing: no stack trace ({@link Refusal}).
	 */
	static class HeadersTooLargeException extends Refusal {

		HeadersTooLargeException() {
			super(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, null);
		}

	}

}
