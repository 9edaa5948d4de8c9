package com.littlethreads.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubernetes.client.openapi.models.V1Namespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every overlay renders with {@code kubectl kustomize} into one namespace whose Pod
 * Security admission enforces the restricted profile.
 */
class ManifestsRenderTests {

	static List<String> variants() {
		return Manifests.variants();
	}

	@Test
	void kubectlCanRenderKustomizeV5() {
		assertThat(Kubectl.requireSuitable()).startsWith("v1.");
	}

	@Test
	void thereAreALocalAndAProductionOverlay() {
		assertThat(Manifests.overlays()).contains("local", "production");
	}

	@ParameterizedTest
	@MethodSource("variants")
	@SuppressWarnings("unchecked")
	void rendersIntoItsOwnNamespaceWithUniqueNames(String variant) {
		Rendered rendered = Manifests.render(variant);
		assertThat(rendered.objects()).hasSizeGreaterThan(30);
		Set<String> names = new HashSet<>();
		for (Map<String, Object> object : rendered.objects()) {
			Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
			String id = object.get("kind") + "/" + metadata.get("name");
			assertThat(names.add(id)).as("%s is rendered once", id).isTrue();
			if (!"Namespace".equals(object.get("kind"))) {
				assertThat(metadata.get("namespace")).as("namespace of %s", id).isEqualTo(Manifests.NAMESPACE);
			}
			assertThat((Map<String, Object>) metadata.get("labels")).as("labels of %s", id)
				.containsEntry("app.kubernetes.io/part-of", "littlethreads");
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void itsNamespaceEnforcesTheRestrictedPodSecurityProfile(String variant) {
		List<V1Namespace> namespaces = Manifests.render(variant).all(V1Namespace.class);
		assertThat(namespaces).singleElement().satisfies((namespace) -> {
			assertThat(namespace.getMetadata().getName()).isEqualTo(Manifests.NAMESPACE);
			assertThat(namespace.getMetadata().getLabels())
				.containsEntry("pod-security.kubernetes.io/enforce", "restricted")
				.containsEntry("pod-security.kubernetes.io/enforce-version", "v" + KubernetesSchema.KUBERNETES_VERSION);
		});
	}

}
