package com.littlethreads.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring component, field by field (its ServiceMonitors and PrometheusRule are
 * custom resources the schema validator skips): every service is scraped on the port its
 * metrics are on, under the job name the alert rules use, and the rules are the ones the
 * rest of the repository uses.
 */
class MonitoringTests {

	/**
	 * Where each service's /actuator/prometheus answers (the gateway's: management port).
	 */
	static final Map<String, Integer> METRICS_PORTS = Map.of("user-service", 8081, "catalog-service", 8082,
			"payment-service", 8083, "gateway-service", 8079);

	private final Rendered rendered = Manifests.render(Manifests.PRODUCTION_WITH_MONITORING);

	@Test
	void everyServiceIsScrapedOnItsMetricsPortUnderItsOwnJobName() {
		List<Map<String, Object>> monitors = custom("ServiceMonitor");
		assertThat(monitors).extracting((monitor) -> name(monitor))
			.containsExactlyInAnyOrderElementsOf(METRICS_PORTS.keySet());
		for (Map<String, Object> monitor : monitors) {
			String service = name(monitor);
			Map<String, Object> spec = map(monitor.get("spec"));
			// The job label is the Service's app.kubernetes.io/name: the service's name,
			// which the rules' job matchers and the dashboards expect.
			assertThat(spec.get("jobLabel")).isEqualTo("app.kubernetes.io/name");
			Map<String, String> selector = strings(map(spec.get("selector")).get("matchLabels"));
			List<V1Service> selected = this.rendered.all(V1Service.class)
				.stream()
				.filter((candidate) -> candidate.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
				.toList();
			assertThat(selected).as("Services the %s ServiceMonitor selects", service).singleElement();
			V1Service target = selected.get(0);
			assertThat(target.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", service);
			Map<String, Object> endpoint = map(((List<?>) spec.get("endpoints")).get(0));
			assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
			V1ServicePort port = target.getSpec()
				.getPorts()
				.stream()
				.filter((candidate) -> Objects.equals(candidate.getName(), endpoint.get("port")))
				.findFirst()
				.orElseThrow(() -> new AssertionError(service + ": no port " + endpoint.get("port")));
			assertThat(port.getPort()).as(service + " metrics port").isEqualTo(METRICS_PORTS.get(service));
		}
	}

	@Test
	void theGatewaysMetricsStayOffTheIngressAndThePublicService() {
		V1Service publicService = this.rendered.all(V1Service.class)
			.stream()
			.filter((service) -> service.getMetadata().getName().equals("gateway-service"))
			.findFirst()
			.orElseThrow();
		assertThat(publicService.getSpec().getPorts()).extracting(V1ServicePort::getPort).containsExactly(8080);
		for (V1Ingress ingress : this.rendered.all(V1Ingress.class)) {
			assertThat(ingress.toString()).doesNotContain("gateway-service-metrics").doesNotContain("8079");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePrometheusRuleHoldsTheRepositorysAlertRules() throws IOException {
		Map<String, Object> rules;
		try (Reader reader = Files.newBufferedReader(
				Manifests.repositoryRoot().resolve("observability/prometheus/rules/littlethreads.rules.yml"))) {
			rules = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}

		assertThat(custom("PrometheusRule")).singleElement()
			.satisfies((rule) -> assertThat(map(rule.get("spec")).get("groups")).isEqualTo(rules.get("groups")));
		assertThat((List<Object>) rules.get("groups")).hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void scrapersAreFoundByTheOperatorsReleaseLabel() {
		assertThat(custom("ServiceMonitor"))
			.allSatisfy((monitor) -> assertThat(strings(map(monitor.get("metadata")).get("labels")))
				.containsEntry("release", "kube-prometheus-stack"));
		assertThat(custom("PrometheusRule"))
			.allSatisfy((rule) -> assertThat(strings(map(rule.get("metadata")).get("labels"))).containsEntry("release",
					"kube-prometheus-stack"));
	}

	private List<Map<String, Object>> custom(String kind) {
		return this.rendered.objects()
			.stream()
			.filter((object) -> KubernetesSchema.type(object).equals("monitoring.coreos.com/v1/" + kind))
			.toList();
	}

	private static String name(Map<String, Object> object) {
		return String.valueOf(map(object.get("metadata")).get("name"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> strings(Object value) {
		return (Map<String, String>) value;
	}

}
