package com.littlethreads.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.cloud.gateway.filter.GatewayMetricsFilter;
import org.springframework.cloud.gateway.filter.headers.observation.ObservedRequestHttpHeadersFilter;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces cross the gateway (W3C traceparent), and each route has its own request timer.
 */
class ObservabilityTests extends UpstreamGatewayTest {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@LocalManagementPort
	int managementPort;

	@Autowired
	ObjectProvider<ObservedRequestHttpHeadersFilter> gatewaysClientSpans;

	@Autowired
	ObjectProvider<GatewayMetricsFilter> gatewaysRouteTimer;

	@Test
	void serviceReceivesATraceparent() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[]")));

		this.client.get().uri("/api/catalog/categories").exchange().expectStatus().isOk();

		upstream.verify(getRequestedFor(urlEqualTo("/api/catalog/categories")).withHeader("traceparent",
				matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")));
	}

	@Test
	void callersTraceIdIsKeptAndTheGatewayAddsItsOwnSpan() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk();

		String forwarded = upstream.findAll(getRequestedFor(urlEqualTo("/api/catalog/products")))
			.get(0)
			.getHeader("traceparent");
		assertThat(forwarded).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7").endsWith("-01");
	}

	@Test
	void onlyW3cTraceContextIsTakenFromCallers() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("b3", TRACE_ID + "-00f067aa0ba902b7-1")
			.header("X-B3-TraceId", TRACE_ID)
			.header("X-B3-SpanId", "00f067aa0ba902b7")
			.header("X-B3-Sampled", "1")
			.exchange()
			.expectStatus()
			.isOk();

		// The gateway began a trace of its own: B3 headers are not read at the edge.
		String forwarded = upstream.findAll(getRequestedFor(urlEqualTo("/api/catalog/products")))
			.get(0)
			.getHeader("traceparent");
		assertThat(forwarded).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(TRACE_ID);
	}

	@Test
	void theTraceparentIsTheGatewaysServerSpanWithNoClientSpanOfGatewaysOwnPerRequest() {
		// tracing.TraceContextHeadersFilter writes it; Gateway's observation would add a
		// span, a header copy and a set of tags to every proxied request.
		assertThat(this.gatewaysClientSpans.getIfAvailable()).isNull();
	}

	@Test
	void eachRouteHasARequestTimerInPrometheus() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[]")));
		this.client.get().uri("/api/catalog/categories").exchange().expectStatus().isOk();

		String metrics = scrape();

		assertThat(metrics).containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"catalog\"");
		// Buckets for the p99 per route, and each service's breaker state for the edge
		// dashboard and the breaker-open alert.
		assertThat(metrics)
			.containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"catalog\"[^}]*le=\"0.25\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"catalog\",state=\"closed\"\\} 1.0")
			// Gateway's gauge, made beside the route timer.
			.containsPattern("spring_cloud_gateway_routes_count\\{[^}]*\\} [1-9][0-9]*\\.0");
	}

	@Test
	void theRouteTimerIsTheGatewaysOwnNotGatewaysWhichBuildsItsTagsOnEveryRequest() {
		// routetimer.RouteTimerFilter records the timer above; Gateway's filter would
		// record a second one, for the same requests.
		assertThat(this.gatewaysRouteTimer.getIfAvailable()).isNull();
	}

	@Test
	void aProxiedRequestIsTimedOnceByItsRouteAndByNoTimerNothingReads() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[]")));
		this.client.get()
			.uri("/api/catalog/categories")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(scrape()).contains("spring_cloud_gateway_requests_seconds_count")
			.doesNotContain("http_server_requests")
			.doesNotContain("http_client_requests")
			.doesNotContain("_active_seconds");
	}

	private String scrape() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
