package com.littlethreads.gateway.tracing;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter alone; a trace across the gateway end to end is in
 * {@code ObservabilityTests}.
 */
class TraceContextHeadersFilterTests {

	private final TraceContextHeadersFilter filter = new TraceContextHeadersFilter(new WritesTheSpansTraceId());

	private final MockServerWebExchange exchange = MockServerWebExchange
		.from(MockServerHttpRequest.get("/api/catalog/products").header("Accept", "application/json"));

	@Test
	void theServerSpansTraceContextIsWrittenIntoTheCopyItIsHanded() {
		serverSpan(Span.NOOP);
		HttpHeaders copy = HttpHeaders.copyOf(this.exchange.getRequest().getHeaders());

		HttpHeaders forwarded = this.filter.filter(copy, this.exchange);

		assertThat(forwarded).isSameAs(copy);
		assertThat(forwarded.getFirst("traceparent")).isEqualTo("trace " + Span.NOOP.context().traceId());
		assertThat(forwarded.getFirst("Accept")).isEqualTo("application/json");
	}

	@Test
	void theRequestsOwnHeadersAreCopiedNotWrittenInto() {
		serverSpan(Span.NOOP);
		HttpHeaders own = this.exchange.getRequest().getHeaders();

		HttpHeaders forwarded = this.filter.filter(own, this.exchange);

		assertThat(forwarded).isNotSameAs(own);
		assertThat(forwarded.getFirst("traceparent")).isNotNull();
		assertThat(forwarded.getFirst("Accept")).isEqualTo("application/json");
		assertThat(own.containsHeader("traceparent")).isFalse();
	}

	@Test
	void withoutAServerSpanTheHeadersPassAsTheyAre() {
		HttpHeaders copy = HttpHeaders.copyOf(this.exchange.getRequest().getHeaders());

		assertThat(this.filter.filter(copy, this.exchange)).isSameAs(copy);
		assertThat(copy.containsHeader("traceparent")).isFalse();
	}

	@Test
	void writesOnlyTowardsTheService() {
		assertThat(this.filter.supports(TraceContextHeadersFilter.Type.REQUEST)).isTrue();
		assertThat(this.filter.supports(TraceContextHeadersFilter.Type.RESPONSE)).isFalse();
	}

	/**
	 * What the server observation leaves on the exchange, once tracing has given it a
	 * span.
	 */
	private void serverSpan(Span span) {
		ServerRequestObservationContext observation = new ServerRequestObservationContext(this.exchange.getRequest(),
				this.exchange.getResponse(), this.exchange.getAttributes());
		TracingContext tracing = new TracingContext();
		tracing.setSpan(span);
		observation.put(TracingContext.class, tracing);
		this.exchange.getAttributes()
			.put(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, observation);
	}

	private static final class WritesTheSpansTraceId implements Propagator {

		@Override
		public List<String> fields() {
			return List.of("traceparent");
		}

		@Override
		public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
			setter.set(carrier, "traceparent", "trace " + context.traceId());
		}

		@Override
		public <C> Span.Builder extract(C carrier, Getter<C> getter) {
			return Span.Builder.NOOP;
		}

	}

}
