package com.littlethreads.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every rendered object validates against the Kubernetes 1.32 API schema
 * ({@link KubernetesSchema}); custom resources are the only ones skipped, by name. The
 * last tests show that the validator does refuse what the API server would.
 */
class KubernetesSchemaTests {

	static List<String> variants() {
		return Manifests.variants();
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyObjectValidatesAgainstTheKubernetesApiSchema(String variant) {
		for (Map<String, Object> object : Manifests.render(variant).objects()) {
			if (KubernetesSchema.isCustomResource(object)) {
				continue;
			}
			assertThatNoException().as(KubernetesSchema.describe(object))
				.isThrownBy(() -> KubernetesSchema.validate(object));
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void theOnlyObjectsWithoutASchemaAreTheListedCustomResources(String variant) {
		for (Map<String, Object> object : Manifests.render(variant).objects()) {
			if (KubernetesSchema.isCustomResource(object)) {
				assertThat(variant).as("custom resources only in the optional components")
					.isIn(Manifests.PRODUCTION_WITH_EXTERNAL_SECRETS, Manifests.PRODUCTION_WITH_MONITORING);
			}
		}
	}

	@Test
	void refusesAFieldTheSchemaDoesNotHave() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesSchema.validate(deployment("livenesProbe", Map.of())))
			.withMessageContaining("livenesProbe");
	}

	@Test
	void refusesAMissingRequiredField() {
		Map<String, Object> deployment = Manifests.parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: broken}
				spec:
				  selector: {matchLabels: {app: broken}}
				  template:
				    metadata: {labels: {app: broken}}
				    spec:
				      containers:
				        - image: broken:1
				""").get(0);
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesSchema.validate(deployment))
			.withMessageContaining("name");
	}

	@Test
	void refusesAValueOfTheWrongType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesSchema.validate(deployment("ports", List.of(Map.of("containerPort", "http")))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesSchema.validate(deployment("ports", Map.of("containerPort", 8080))));
	}

	@Test
	void refusesAQuantityKubernetesCannotRead() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> KubernetesSchema.validate(deployment("resources", Map.of("limits", Map.of("memory", "512 MB")))));
	}

	@Test
	void refusesAKindItHasNoSchemaFor() {
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesSchema.validate(Manifests.parse("""
				apiVersion: extensions/v1beta1
				kind: Ingress
				metadata: {name: removed-in-1.22}
				spec: {}
				""").get(0))).withMessageContaining("no schema for extensions/v1beta1/Ingress");
	}

	@Test
	void acceptsAValidObject() {
		assertThatNoException().isThrownBy(() -> KubernetesSchema.validate(deployment("imagePullPolicy", "Always")));
	}

	private static Map<String, Object> deployment(String containerField, Object value) {
		Map<String, Object> deployment = Manifests.parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: example}
				spec:
				  selector: {matchLabels: {app: example}}
				  template:
				    metadata: {labels: {app: example}}
				    spec:
				      containers:
				        - name: example
				          image: example:1
				""").get(0);
		container(deployment).put(containerField, value);
		return deployment;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> container(Map<String, Object> deployment) {
		Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
		Map<String, Object> template = (Map<String, Object>) spec.get("template");
		Map<String, Object> pod = (Map<String, Object>) template.get("spec");
		return ((List<Map<String, Object>>) pod.get("containers")).get(0);
	}

}
