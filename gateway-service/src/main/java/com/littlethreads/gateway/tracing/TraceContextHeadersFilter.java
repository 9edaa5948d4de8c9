package com.littlethreads.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the trace context ({@code traceparent}, and {@code tracestate} where there is
 * one) of the gateway's span for this request into the headers the service gets. That
 * span is the server observation's: it continues the caller's {@code traceparent}, or
 * starts a trace.
 * <p>
 * Spring Cloud Gateway's own observation
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled}, off) does this by
 * starting a client span of its own for every proxied request, under the server span,
 * with its own copy of every request header and its own set of tags: about a twelfth of
 * the gateway's CPU per request (docs/benchmarks.md), for a span that times the same call
 * the service's own span times from the other side. A trace reads caller, gateway,
 * service either way.
 * <p>
 * Ordered after every other request header filter: the last of them before this one,
 * {@code forwarded.ForwardedHeadersFilter}, hands on a copy made for this request, which
 * this one writes into rather than copying it again.
 */
final class TraceContextHeadersFilter implements HttpHeadersFilter, Ordered {

	private final Propagator propagator;

	TraceContextHeadersFilter(Propagator propagator) {
		this.propagator = propagator;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Span span = serverSpan(exchange);
		if (span == null) {
			return input;
		}
		// The request's own headers are read-only; any other input was made for this
		// request.
		HttpHeaders headers = (input == exchange.getRequest().getHeaders()) ? HttpHeaders.copyOf(input) : input;
		this.propagator.inject(span.context(), headers, HttpHeaders::set);
		return headers;
	}

	private static Span serverSpan(ServerWebExchange exchange) {
		ServerRequestObservationContext observation = ServerRequestObservationContext
			.findCurrent(exchange.getAttributes())
			.orElse(null);
		TracingContext tracing = (observation != null) ? observation.get(TracingContext.class) : null;
		return (tracing != null) ? tracing.getSpan() : null;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
