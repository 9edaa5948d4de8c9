package com.littlethreads.observability;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus' own checks of its files: the configuration (with the rules it loads), the
 * rules, and a unit test of every alert.
 */
class PromtoolTests {

	static final Path ROOT = Path.of(System.getProperty("observability.dir", ".")).toAbsolutePath().normalize();

	private static final Path PROMETHEUS = ROOT.resolve("prometheus");

	@Test
	void theComposeConfigurationIsValidWithItsRules(@TempDir Path work) throws Exception {
		// The file names the rules where the container mounts them; here they are in the
		// repository.
		String config = Files.readString(PROMETHEUS.resolve("prometheus.yml"))
			.replace("/etc/prometheus/rules/", PROMETHEUS.resolve("rules") + "/");
		Path copy = Files.writeString(work.resolve("prometheus.yml"), config);

		Promtool.Result result = Promtool.run(work, "check", "config", copy.toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 1 rule files found");
	}

	@Test
	void theRulesAreValid() throws Exception {
		Promtool.Result result = Promtool.run(PROMETHEUS, "check", "rules", "rules/littlethreads.rules.yml");

		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void everyAlertPassesItsUnitTests() throws Exception {
		Promtool.Result result = Promtool.run(PROMETHEUS.resolve("tests"), "test", "rules", "littlethreads.test.yml");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void everyAlertHasAUnitTestThatFiresIt() throws IOException {
		Set<String> alerts = ObservedMetrics.in(ROOT)
			.alertRules()
			.stream()
			.map((rule) -> String.valueOf(rule.get("alert")))
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
		assertThat(firedInTests()).containsExactlyElementsOf(alerts);
	}

	@Test
	void everyAlertSaysHowUrgentItIsAndWhatIsWrong() {
		for (Map<String, Object> rule : ObservedMetrics.in(ROOT).alertRules()) {
			Map<?, ?> labels = (Map<?, ?>) rule.get("labels");
			@SuppressWarnings("unchecked")
			Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
			assertThat(labels.get("severity")).as(rule.get("alert") + " severity").isIn("page", "ticket");
			assertThat(annotations).as(rule.get("alert") + " annotations").containsKeys("summary", "description");
		}
	}

	/** The alerts some test case expects to fire (a non-empty exp_alerts). */
	@SuppressWarnings("unchecked")
	private static Set<String> firedInTests() throws IOException {
		Set<String> fired = new TreeSet<>();
		try (Reader reader = Files.newBufferedReader(PROMETHEUS.resolve("tests/littlethreads.test.yml"))) {
			Map<String, Object> document = new Yaml().load(reader);
			for (Map<String, Object> test : (List<Map<String, Object>>) document.get("tests")) {
				for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
					if (!((List<?>) check.get("exp_alerts")).isEmpty()) {
						fired.add(String.valueOf(check.get("alertname")));
					}
				}
			}
		}
		return fired;
	}

}
