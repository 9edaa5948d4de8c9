package com.littlethreads.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/kubernetes, rendered: each overlay once per test run.
 */
final class Manifests {

	/** The namespace every overlay installs into. */
	static final String NAMESPACE = "littlethreads";

	/**
	 * The production overlay plus the external-secrets component, rendered from target/.
	 */
	static final String PRODUCTION_WITH_EXTERNAL_SECRETS = "production+external-secrets";

	/**
	 * The production overlay plus the monitoring component, rendered from target/.
	 */
	static final String PRODUCTION_WITH_MONITORING = "production+monitoring";

	private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

	private Manifests() {
	}

	static Path repositoryRoot() {
		String root = System.getProperty("repository.root");
		return Path.of((root != null) ? root : "..").toAbsolutePath().normalize();
	}

	static Path kubernetes() {
		return repositoryRoot().resolve("deploy/kubernetes");
	}

	/**
	 * Every overlay under deploy/kubernetes/overlays.
	 * @return their names
	 */
	static List<String> overlays() {
		try (Stream<Path> entries = Files.list(kubernetes().resolve("overlays"))) {
			return entries.filter((entry) -> Files.isRegularFile(entry.resolve("kustomization.yaml")))
				.map((entry) -> entry.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every overlay, and production with each optional component.
	 * @return their names
	 */
	static List<String> variants() {
		List<String> variants = new ArrayList<>(overlays());
		variants.add(PRODUCTION_WITH_EXTERNAL_SECRETS);
		variants.add(PRODUCTION_WITH_MONITORING);
		return variants;
	}

	static Rendered render(String variant) {
		return RENDERED.computeIfAbsent(variant,
				(name) -> new Rendered(name, parse(Kubectl.kustomize(directory(name)))));
	}

	private static Path directory(String variant) {
		if (!variant.startsWith("production+")) {
			return kubernetes().resolve("overlays").resolve(variant);
		}
		String component = variant.substring("production+".length());
		// A kustomization may name other kustomizations by relative path, wherever they
		// are.
		Path directory = repositoryRoot().resolve("deploy/target/kustomize/production-" + component);
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("kustomization.yaml"), """
					apiVersion: kustomize.config.k8s.io/v1beta1
					kind: Kustomization
					namespace: littlethreads
					labels:
					  - pairs:
					      app.kubernetes.io/part-of: littlethreads
					    includeSelectors: false
					resources:
					  - ../../../kubernetes/overlays/production
					components:
					  - ../../../kubernetes/components/%s
					""".formatted(component));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return directory;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> parse(String yaml) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
			if (document != null) {
				objects.add((Map<String, Object>) document);
			}
		}
		return objects;
	}

}
