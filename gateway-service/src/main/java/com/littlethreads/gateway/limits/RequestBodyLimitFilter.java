package com.littlethreads.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.littlethreads.gateway.problem.Refusal;

/**
 * Refuses a request body over {@code littlethreads.limits.max-body-size} with 413. A
 * declared {@code Content-Length} over the limit is refused before anything is proxied; a
 * body without one (chunked) is counted as it streams and fails as soon as it passes the
 * limit, so a caller cannot get round the check by leaving the length out.
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

	private final long maxBodySize;

	RequestBodyLimitFilter(LimitsProperties properties) {
		this.maxBodySize = properties.maxBodySize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getHeaders().getContentLength() > this.maxBodySize) {
			return Mono.error(tooLarge());
		}
		if (!request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			// Over HTTP/1.1 (the gateway serves no other) a request without
			// Transfer-Encoding has no body or exactly its Content-Length, checked above:
			// nothing to count, so most requests (every GET) skip the wrapping.
			return chain.filter(exchange);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > RequestBodyLimitFilter.this.maxBodySize) {
						DataBufferUtils.release(buffer);
						sink.error(tooLarge());
					}
					else {
						sink.next(buffer);
					}
				});
			}

		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private static ResponseStatusException tooLarge() {
		return new BodyTooLargeException();
	}

	/**
	 * A refused body is the caller's doing, and Reactor Netty's client logs the error
	 * that aborts the half-sent upstream request: no stack trace ({@link Refusal}).
	 */
	static class BodyTooLargeException extends Refusal {

		BodyTooLargeException() {
			super(HttpStatus.CONTENT_TOO_LARGE, null);
		}

	}

	@Override
	public int getOrder() {
		// After the request id, security headers and CORS, so the refusal carries them.
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	/**
	 * Spring's filter chain asks each web filter for its name on every request, for a
	 * checkpoint: Object's own {@code toString} would build a new string each time.
	 */
	@Override
	public String toString() {
		return "RequestBodyLimitFilter";
	}

}
