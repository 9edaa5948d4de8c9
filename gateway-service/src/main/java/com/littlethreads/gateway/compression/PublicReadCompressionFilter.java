package com.littlethreads.gateway.compression;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Compresses public catalog reads ({@link PublicReads}) for clients that accept it, and
 * keeps caches and validators right for every such read, compressed or not:
 * <ul>
 * <li>{@code Vary: Accept-Encoding}, so a cache never hands a gzipped body to a client
 * that did not ask for one;</li>
 * <li>the service's strong ETag made weak: a gzipped body is other bytes than the one the
 * service tagged, and a strong tag promises the same bytes (RFC 9110, 8.8.1). A weak tag
 * promises the same content, which holds for both codings. The service compares
 * {@code If-None-Match} weakly, so a client revalidating with the weak tag still gets its
 * 304.</li>
 * </ul>
 * The encoding itself is Reactor Netty's (gzip or deflate, as the client's
 * {@code Accept-Encoding} asks), switched on for this one response. The server-wide
 * {@code server.compression} stays off: it cannot tell a catalog list from a token.
 */
@Component
class PublicReadCompressionFilter implements GlobalFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (!PublicReads.isPublicRead(exchange.getRequest(), route)) {
			return chain.filter(exchange);
		}
		// Netty's compression adds a handler to the connection's pipeline, which for a
		// client that accepts no encoding at all would only ever send identity.
		boolean acceptsAnEncoding = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.ACCEPT_ENCODING);
		// At commit, when the service's headers have been copied onto the answer.
		exchange.getResponse().beforeCommit(() -> {
			ServerHttpResponse response = exchange.getResponse();
			HttpHeaders headers = response.getHeaders();
			if (!PublicReads.isPublicAnswer(headers)) {
				return Mono.empty();
			}
			if (!headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
				headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			}
			String etag = headers.getETag();
			if (etag != null && etag.startsWith("\"")) {
				headers.setETag("W/" + etag);
			}
			else if (etag != null && !etag.startsWith("W/")) {
				// Not a tag this gateway can vouch for either way.
				headers.remove(HttpHeaders.ETAG);
			}
			if (acceptsAnEncoding && PublicReads.isWorthCompressing(response.getStatusCode(), headers)
					&& ServerHttpResponseDecorator
						.<Object>getNativeResponse(response) instanceof HttpServerResponse netty) {
				netty.compression(true);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		// Before the filter that writes the service's answer (-1), so that the commit
		// action is registered by then.
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
