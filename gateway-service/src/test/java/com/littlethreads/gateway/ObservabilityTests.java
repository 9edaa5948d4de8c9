package com.littlethreads.gateway;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces cross the gateway (W3C traceparent), and each route has its own request timer.
 */
@GatewayTest
class ObservabilityTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@RegisterExtension
	static WireMockExtension catalog = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void catalogUri(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.routes.catalog-uris", catalog::baseUrl);
	}

	@Autowired
	WebTestClient client;

	@Test
	void serviceReceivesATraceparent() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[]")));

		this.client.get().uri("/api/catalog/categories").exchange().expectStatus().isOk();

		catalog.verify(getRequestedFor(urlEqualTo("/api/catalog/categories")).withHeader("traceparent",
				matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")));
	}

	@Test
	void callersTraceIdIsKeptAndTheGatewayAddsItsOwnSpan() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk();

		String forwarded = catalog.findAll(getRequestedFor(urlEqualTo("/api/catalog/products")))
			.get(0)
			.getHeader("traceparent");
		assertThat(forwarded).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7").endsWith("-01");
	}

	@Test
	void eachRouteHasARequestTimerInPrometheus() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[]")));
		this.client.get().uri("/api/catalog/categories").exchange().expectStatus().isOk();

		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics).containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"catalog\"");
	}

}
