package com.littlethreads.platform.observe;

import org.junit.jupiter.api.Test;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
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
	void theOpenMetricsScrapeCarriesNoExemplarsThatOlderPrometheusRefuses() {
		this.http.get("/probe/items/1", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

		Response scrape = this.http.get("/actuator/prometheus", "Accept",
				"application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

		assertThat(scrape.contentType()).startsWith("application/openmetrics-text");
		assertThat(scrape.body()).contains("http_server_requests_seconds_count").doesNotContain("trace_id");
	}

	@Test
	void requestLatencyHasBucketsForPercentiles() {
		this.http.get("/probe/items/1");

		assertThat(this.http.get("/actuator/prometheus").body()).containsPattern(
				"http_server_requests_seconds_bucket\\{[^}]*uri=\"/probe/items/\\{id\\}\"[^}]*le=\"0.25\"");
	}

}
