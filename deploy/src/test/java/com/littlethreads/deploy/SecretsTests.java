package com.littlethreads.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.littlethreads.deploy.Rendered.Workload;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets are referenced, never committed: no Secret with data anywhere in the repository
 * or in what an overlay renders, and every Secret a workload reads is documented with its
 * `kubectl create secret` line in the README and yielded, key by key, by the External
 * Secrets example.
 */
class SecretsTests {

	private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", "data", ".run",
			".mvn");

	private static final Pattern CREATE_SECRET = Pattern
		.compile("kubectl (?:-n \\S+ )?create secret (generic|tls) ([a-z0-9-]+)(.*)");

	private static final Pattern KEY = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=");

	static List<String> variants() {
		return Manifests.variants();
	}

	@Test
	void noYamlFileInTheRepositoryHoldsASecretWithData() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(Manifests.repositoryRoot())) {
			files = walk.filter((path) -> {
				for (Path part : Manifests.repositoryRoot().relativize(path)) {
					if (SKIPPED_DIRECTORIES.contains(part.toString())) {
						return false;
					}
				}
				String name = path.getFileName().toString();
				return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
			}).toList();
		}
		assertThat(files).as("YAML files looked at").isNotEmpty();
		for (Path file : files) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
				if (document instanceof Map<?, ?> object && "Secret".equals(object.get("kind"))) {
					assertThat(object.get("data")).as("data of a Secret in %s", file).isNull();
					assertThat(object.get("stringData")).as("stringData of a Secret in %s", file).isNull();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void noOverlayRendersASecret(String variant) {
		assertThat(Manifests.render(variant).all(V1Secret.class)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("variants")
	void theReadmeSaysHowToCreateEverySecretAWorkloadReads(String variant) throws IOException {
		Set<String> documented = documentedInReadme();
		assertThat(referenced(Manifests.render(variant))).isNotEmpty().isSubsetOf(documented);
	}

	@Test
	void theExternalSecretsExampleYieldsEverySecretProductionReads() {
		Rendered rendered = Manifests.render(Manifests.PRODUCTION_WITH_EXTERNAL_SECRETS);
		Set<String> synced = new TreeSet<>();
		for (Map<String, Object> object : rendered.objects()) {
			if (!KubernetesSchema.isCustomResource(object)) {
				continue;
			}
			Map<String, Object> metadata = map(object.get("metadata"));
			Map<String, Object> spec = map(object.get("spec"));
			Map<String, Object> store = map(spec.get("secretStoreRef"));
			assertThat(store).containsEntry("kind", "ClusterSecretStore").containsKey("name");
			Map<String, Object> target = map(spec.get("target"));
			assertThat(target).containsEntry("name", metadata.get("name"));
			assertThat(spec).containsKey("refreshInterval");
			for (Object item : (List<?>) spec.get("data")) {
				Map<String, Object> data = map(item);
				assertThat(map(data.get("remoteRef"))).containsKeys("key", "property");
				synced.add(target.get("name") + "/" + data.get("secretKey"));
			}
		}
		assertThat(synced).containsAll(referenced(rendered));
	}

	/** Every Secret/key a workload or the Ingress reads. */
	static Set<String> referenced(Rendered rendered) {
		Set<String> references = new TreeSet<>();
		for (Workload workload : rendered.workloads()) {
			for (V1Container container : workload.containers()) {
				for (V1EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
					if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
						references.add(variable.getValueFrom().getSecretKeyRef().getName() + "/"
								+ variable.getValueFrom().getSecretKeyRef().getKey());
					}
				}
				assertThat(container.getEnvFrom()).as("envFrom of %s", workload).isNullOrEmpty();
			}
			for (V1Volume volume : Optional.ofNullable(workload.pod().getVolumes()).orElse(List.of())) {
				if (volume.getSecret() != null) {
					assertThat(volume.getSecret().getItems()).as("the keys %s mounts", workload).isNotEmpty();
					for (V1KeyToPath item : volume.getSecret().getItems()) {
						references.add(volume.getSecret().getSecretName() + "/" + item.getKey());
					}
				}
			}
		}
		for (V1Ingress ingress : rendered.all(V1Ingress.class)) {
			for (V1IngressTLS tls : Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of())) {
				references.add(tls.getSecretName() + "/tls.crt");
				references.add(tls.getSecretName() + "/tls.key");
			}
		}
		return references;
	}

	/** name/key of every `kubectl create secret` line in the README. */
	static Set<String> documentedInReadme() throws IOException {
		String readme = Files.readString(Manifests.repositoryRoot().resolve("README.md")).replace("\\\n", " ");
		Set<String> documented = new TreeSet<>();
		for (String line : readme.split("\n")) {
			Matcher command = CREATE_SECRET.matcher(line);
			if (!command.find()) {
				continue;
			}
			String name = command.group(2);
			if (command.group(1).equals("tls")) {
				documented.add(name + "/tls.crt");
				documented.add(name + "/tls.key");
			}
			Matcher key = KEY.matcher(command.group(3));
			while (key.find()) {
				documented.add(name + "/" + key.group(1));
			}
		}
		return documented;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

}
