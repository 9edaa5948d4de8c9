package com.littlethreads.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@GatewayTest
class ActuatorTests {

	@Autowired
	WebTestClient client;

	@Test
	void healthIsUp() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void livenessAndReadinessProbesAreUp() {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			this.client.get()
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
	void metricsAreExposedForPrometheusTaggedWithTheApplication() {
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"gateway-service\"");
	}

}
