package com.littlethreads.platform.actuate;

import org.junit.jupiter.api.Test;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class ActuatorTests extends ServiceHttpTest {

	@Test
	void livenessAndReadinessGroupsAreUp() {
		assertThat(this.http.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthRevealsNoDetailsAnonymously() {
		Response health = this.http.get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).doesNotContain("probe").doesNotContain("127.0.0.1");
	}

	@Test
	void prometheusMetricsArePublished() {
		Response metrics = this.http.get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
	}

	@Test
	void infoIsPublished() {
		Response info = this.http.get("/actuator/info");

		assertThat(info.status()).isEqualTo(200);
		assertThat(info.json().has("java")).isTrue();
	}

	@Test
	void otherEndpointsAreNotExposed() {
		assertThat(this.http.get("/actuator/env").status()).isIn(401, 404);
		assertThat(this.http.get("/actuator/heapdump").status()).isIn(401, 404);
	}

}
