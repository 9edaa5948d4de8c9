package com.littlethreads.observability;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards Grafana provisions: JSON it can read, data sources it has, and
 * PromQL Prometheus parses. Without a Grafana here, the PromQL check puts every panel's
 * query into a recording rule and has {@code promtool check rules} parse it, Grafana's
 * {@code $__rate_interval} replaced by a range as Grafana would.
 */
class DashboardTests {

	private static final Path ROOT = PromtoolTests.ROOT;

	private final ObservedMetrics observed = ObservedMetrics.in(ROOT);

	@Test
	void theFiveBoardsAreProvisioned() {
		assertThat(this.observed.dashboards()).map((file) -> file.getFileName().toString())
			.containsExactly("edge.json", "inventory.json", "jvm.json", "payments.json", "shop.json");
	}

	@Test
	void everyBoardHasItsOwnUidATitleAndPanelsThatQuerySomething() {
		Set<String> uids = new HashSet<>();
		for (Path file : this.observed.dashboards()) {
			JsonNode dashboard = ObservedMetrics.read(file);
			assertThat(uids.add(dashboard.get("uid").asString())).as(file + " uid is unique").isTrue();
			assertThat(dashboard.get("title").asString()).as(file + " title").isNotBlank();
			assertThat(dashboard.get("panels").size()).as(file + " panels").isGreaterThanOrEqualTo(6);
			for (JsonNode panel : dashboard.get("panels")) {
				assertThat(panel.get("targets").size()).as(file + " " + panel.get("title")).isPositive();
				for (JsonNode target : panel.get("targets")) {
					assertThat(target.get("expr").asString()).as(file + " " + panel.get("title")).isNotBlank();
				}
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyPanelUsesAProvisionedDataSource() throws IOException {
		Set<String> provisioned = new HashSet<>();
		try (Reader reader = Files
			.newBufferedReader(ROOT.resolve("grafana/provisioning/datasources/datasources.yml"))) {
			Map<String, Object> document = new Yaml().load(reader);
			for (Map<String, Object> source : (List<Map<String, Object>>) document.get("datasources")) {
				provisioned.add(String.valueOf(source.get("uid")));
			}
		}
		for (Path file : this.observed.dashboards()) {
			for (JsonNode panel : ObservedMetrics.read(file).get("panels")) {
				assertThat(provisioned).as(file + " " + panel.get("title"))
					.contains(panel.get("datasource").get("uid").asString());
				for (JsonNode target : panel.get("targets")) {
					assertThat(provisioned).contains(target.get("datasource").get("uid").asString());
				}
			}
		}
	}

	@Test
	void everyPanelsQueryIsPromQlPrometheusParses(@TempDir Path work) throws Exception {
		List<String> rules = new ArrayList<>();
		int i = 0;
		for (Map.Entry<String, String> expression : this.observed.expressions().entrySet()) {
			if (expression.getKey().startsWith("alert ")) {
				continue;
			}
			String expr = expression.getValue().replace("$__rate_interval", "1m");
			assertThat(expr).as(expression.getKey() + " uses no other Grafana variable").doesNotContain("$");
			rules.add("      - record: dashboard_query_%d\n        expr: '%s'".formatted(i++, expr.replace("'", "''")));
		}
		assertThat(rules).hasSizeGreaterThan(30);
		Path file = Files.writeString(work.resolve("dashboards.rules.yml"),
				"groups:\n  - name: dashboards\n    rules:\n" + String.join("\n", rules) + "\n");

		Promtool.Result result = Promtool.run(work, "check", "rules", file.toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + rules.size() + " rules found");
	}

	@Test
	void theMetricNamesOfAQueryAreItsSeriesNotItsFunctionsLabelsOrKeywords() {
		assertThat(ObservedMetrics.metricNames(
				"histogram_quantile(0.99, sum by (routeId, le) (rate(a_seconds_bucket{routeId!=\"x\"}[5m]))) > 1e3"
						+ " and on (job) up == 0 unless b_total offset 5m"))
			.containsExactly("a_seconds_bucket", "b_total", "up");
	}

	@Test
	void theBoardsAndAlertsReadTheShopsOwnMetrics() {
		assertThat(this.observed.metricNames()).contains("shop_checkouts_started_total",
				"shop_revenue_paid_minor_units_total", "shop_stripe_event_lag_seconds_bucket",
				"shop_inventory_units_held", "gateway_rate_limit_refusals_total",
				"spring_cloud_gateway_requests_seconds_bucket", "littlethreads_mongodb_reachable");
	}

}
