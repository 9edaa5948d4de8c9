package com.littlethreads.observability;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL expressions of every dashboard and alert rule in {@code observability/}, and
 * the metric names they read. Shared with e2e-tests, which compares the names with what
 * the running services export.
 */
public final class ObservedMetrics {

	/**
	 * Series Prometheus makes itself rather than scraping them.
	 */
	public static final Set<String> RECORDED_BY_PROMETHEUS = Set.of("up");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "bool", "offset", "inf", "nan");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");

	private static final Pattern LABEL_LIST = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][\\w:]*");

	private final Path root;

	private ObservedMetrics(Path root) {
		this.root = root;
	}

	/**
	 * The files of the given {@code observability} directory.
	 * @param root the directory
	 * @return its expressions
	 */
	public static ObservedMetrics in(Path root) {
		return new ObservedMetrics(root);
	}

	/**
	 * Every expression, named by where it is.
	 * @return expression by place ({@code shop.json: Revenue paid per hour (A)} or
	 * {@code alert RouteSlow})
	 */
	public Map<String, String> expressions() {
		Map<String, String> expressions = new java.util.LinkedHashMap<>();
		dashboards().forEach((file) -> {
			JsonNode dashboard = read(file);
			for (JsonNode panel : dashboard.get("panels")) {
				for (JsonNode target : panel.get("targets")) {
					expressions.put("%s: %s (%s)".formatted(file.getFileName(), panel.get("title").asString(),
							target.get("refId").asString()), target.get("expr").asString());
				}
			}
		});
		alertRules().forEach((rule) -> expressions.put("alert " + rule.get("alert"), String.valueOf(rule.get("expr"))));
		return expressions;
	}

	/**
	 * The metric names the expressions read.
	 * @return sorted names, {@link #RECORDED_BY_PROMETHEUS} included
	 */
	public Set<String> metricNames() {
		Set<String> names = new TreeSet<>();
		expressions().values().forEach((expr) -> names.addAll(metricNames(expr)));
		return names;
	}

	/**
	 * The metric names one PromQL expression reads: its identifiers that are neither
	 * functions, keywords, label names nor inside strings, matchers or ranges.
	 * @param expr the expression
	 * @return the names
	 */
	public static Set<String> metricNames(String expr) {
		String bare = STRING.matcher(expr).replaceAll("\"\"");
		bare = MATCHERS.matcher(bare).replaceAll(" ");
		bare = RANGE.matcher(bare).replaceAll(" ");
		bare = LABEL_LIST.matcher(bare).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(bare);
		while (identifier.find()) {
			String name = identifier.group();
			String rest = bare.substring(identifier.end()).stripLeading();
			if (!rest.startsWith("(") && !KEYWORDS.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * The dashboards' files.
	 * @return every JSON file under {@code grafana/dashboards}
	 */
	public List<Path> dashboards() {
		try (Stream<Path> files = Files.list(this.root.resolve("grafana/dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The alert rules.
	 * @return each rule as YAML maps
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> alertRules() {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Path file : ruleFiles()) {
			try (Reader reader = Files.newBufferedReader(file)) {
				Map<String, Object> document = new Yaml().load(reader);
				for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
					for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
						if (rule.containsKey("alert")) {
							rules.add(rule);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return rules;
	}

	/**
	 * The rule files.
	 * @return every YAML file under {@code prometheus/rules}
	 */
	public List<Path> ruleFiles() {
		try (Stream<Path> files = Files.list(this.root.resolve("prometheus/rules"))) {
			return files.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode read(Path file) {
		return JsonMapper.shared().readTree(file.toFile());
	}

}
