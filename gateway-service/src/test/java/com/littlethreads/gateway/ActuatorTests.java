package com.littlethreads.gateway;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.platform.test.RawHttp;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator is served on the management port only; on the public port every
 * {@code /actuator} path is a 404 problem like any unknown path.
 */
class ActuatorTests extends UpstreamGatewayTest {

	@LocalManagementPort
	int managementPort;

	@LocalServerPort
	int port;

	WebTestClient management;

	@BeforeEach
	void managementClient() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		this.management = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void healthIsUpOnTheManagementPortWithTheRequestIdAndSecurityHeaders() {
		this.management.get()
			.uri("/actuator/health")
			.header("X-Request-Id", "probe-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "probe-1")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void livenessAndReadinessProbesAreUpOnTheManagementPort() {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			this.management.get()
				.uri(probe)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}
	}

	@Test
	void metricsAreExposedForPrometheusTaggedWithTheApplicationOnTheManagementPort() {
		String metrics = this.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"gateway-service\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/info",
			"/actuator/prometheus", "/actuator/gateway/routes", "/actuator/env", "/%61ctuator/health" })
	void actuatorIsANotFoundProblemOnThePublicPort(String path) {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		RawHttp.Response response = RawHttp.get(this.port, path);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.text()).contains("\"type\":\"https://littlethreads.shop/problems/not-found\"")
			.doesNotContain("UP")
			.doesNotContain("jvm_");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

}
