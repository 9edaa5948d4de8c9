package com.littlethreads.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository's docker-compose.yml as docker-compose reads it: YAML merge keys
 * ({@code <<: *spring-service}) resolved, variables left as written.
 *
 * @param text the file as written, comments included
 * @param services each service's resolved definition, by name
 * @param networks the top-level network definitions, by name
 * @param root the whole document
 */
record ComposeFile(String text, Map<String, Service> services, Map<String, Map<String, Object>> networks,
		Map<String, Object> root) {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static ComposeFile load() throws IOException {
		String text = Files.readString(ROOT.resolve("docker-compose.yml"));
		LoaderOptions options = new LoaderOptions();
		// A duplicated key silently replaces the first one: a definition lost without a
		// word.
		options.setAllowDuplicateKeys(false);
		Map<String, Object> root = map(new Yaml(new SafeConstructor(options)).load(text));
		Map<String, Service> services = new LinkedHashMap<>();
		map(root.get("services")).forEach((name, definition) -> services.put(name, new Service(name, map(definition))));
		Map<String, Map<String, Object>> networks = new LinkedHashMap<>();
		map(root.getOrDefault("networks", Map.of())).forEach((name, network) -> networks.put(name, map(network)));
		return new ComposeFile(text, services, networks, root);
	}

	/** The file without its comment lines, which may quote variables as examples. */
	String definitionText() {
		return this.text.lines().filter((line) -> !line.strip().startsWith("#")).collect(Collectors.joining("\n"));
	}

	Service service(String name) {
		Service service = this.services.get(name);
		if (service == null) {
			throw new IllegalArgumentException("docker-compose.yml has no service " + name);
		}
		return service;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return (value != null) ? (List<Object>) value : List.of();
	}

	/**
	 * One service's definition.
	 *
	 * @param name the service's name
	 * @param definition its keys, merge keys resolved
	 */
	record Service(String name, Map<String, Object> definition) {

		Object get(String key) {
			return this.definition.get(key);
		}

		boolean isSpringService() {
			return map(get("build")).containsKey("args")
					&& map(map(get("build")).get("args")).get("MODULE") instanceof String;
		}

		/**
		 * The environment, whichever form (map or list of NAME=value) it is written in.
		 */
		Map<String, String> environment() {
			Object environment = get("environment");
			Map<String, String> result = new LinkedHashMap<>();
			if (environment instanceof Map<?, ?> entries) {
				entries.forEach((key, value) -> result.put(String.valueOf(key), String.valueOf(value)));
			}
			else {
				for (Object entry : list(environment)) {
					String[] parts = String.valueOf(entry).split("=", 2);
					result.put(parts[0], (parts.length > 1) ? parts[1] : "");
				}
			}
			return result;
		}

		/** Every service it depends on, with the condition it waits for. */
		Map<String, String> dependsOn() {
			Object dependsOn = get("depends_on");
			Map<String, String> result = new LinkedHashMap<>();
			if (dependsOn instanceof Map<?, ?> entries) {
				entries.forEach((service, options) -> result.put(String.valueOf(service),
						String.valueOf(map(options).get("condition"))));
			}
			else {
				// The short form waits for nothing but the container's start.
				list(dependsOn).forEach((service) -> result.put(String.valueOf(service), "service_started"));
			}
			return result;
		}

		List<String> networkNames() {
			Object networks = get("networks");
			if (networks instanceof Map<?, ?> entries) {
				return entries.keySet().stream().map(String::valueOf).toList();
			}
			return list(networks).stream().map(String::valueOf).toList();
		}

		List<String> strings(String key) {
			return list(get(key)).stream().map(String::valueOf).toList();
		}

		String memoryLimit() {
			Object limit = map(map(map(get("deploy")).get("resources")).get("limits")).get("memory");
			return (limit != null) ? String.valueOf(limit) : (String) get("mem_limit");
		}

	}

}
