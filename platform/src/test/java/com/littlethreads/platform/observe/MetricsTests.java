package com.littlethreads.platform.observe;

import org.junit.jupiter.api.Test;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboards and alerts read from every service.
 */
@PlatformTest
class MetricsTests extends ServiceHttpTest {

	@Test
	void theStoreIsReportedReachableOnceTheDriverHasReachedIt() throws InterruptedException {
		// The driver's first heartbeat comes with its first connection; a request that
		// touches the store makes sure there was one.
		this.http.get("/actuator/health/readiness");

		assertThat(this.http.get("/actuator/prometheus").body()).contains("littlethreads_mongodb_reachable 1.0");
	}

	@Test
	void requestLatencyHasBucketsForPercentiles() {
		this.http.get("/probe/items/1");

		assertThat(this.http.get("/actuator/prometheus").body()).containsPattern(
				"http_server_requests_seconds_bucket\\{[^}]*uri=\"/probe/items/\\{id\\}\"[^}]*le=\"0.25\"");
	}

}
