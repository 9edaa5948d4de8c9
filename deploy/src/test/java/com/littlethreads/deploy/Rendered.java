package com.littlethreads.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;

/**
 * One overlay as {@code kubectl kustomize} renders it: the objects as YAML gives them,
 * and typed views of those the Kubernetes API defines.
 */
final class Rendered {

	private final String variant;

	private final List<Map<String, Object>> objects;

	private final List<Object> models = new ArrayList<>();

	Rendered(String variant, List<Map<String, Object>> objects) {
		this.variant = variant;
		this.objects = List.copyOf(objects);
		for (Map<String, Object> object : objects) {
			if (!KubernetesSchema.isCustomResource(object)) {
				this.models.add(KubernetesSchema.validate(object));
			}
		}
	}

	String variant() {
		return this.variant;
	}

	boolean isProduction() {
		return this.variant.startsWith("production");
	}

	List<Map<String, Object>> objects() {
		return this.objects;
	}

	<T> List<T> all(Class<T> model) {
		return this.models.stream().filter(model::isInstance).map(model::cast).toList();
	}

	List<Workload> workloads() {
		List<Workload> workloads = new ArrayList<>();
		for (V1Deployment deployment : all(V1Deployment.class)) {
			workloads.add(new Workload("Deployment", deployment.getMetadata().getName(),
					deployment.getSpec().getTemplate(), deployment.getSpec().getReplicas()));
		}
		for (V1StatefulSet statefulSet : all(V1StatefulSet.class)) {
			workloads.add(new Workload("StatefulSet", statefulSet.getMetadata().getName(),
					statefulSet.getSpec().getTemplate(), statefulSet.getSpec().getReplicas()));
		}
		for (V1Job job : all(V1Job.class)) {
			workloads.add(new Workload("Job", job.getMetadata().getName(), job.getSpec().getTemplate(), null));
		}
		return workloads;
	}

	Workload workload(String name) {
		return workloads().stream()
			.filter((workload) -> workload.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(this.variant + " has no workload " + name));
	}

	/**
	 * A ConfigMap by the name the manifests give it (kustomize adds a hash to generated
	 * ones).
	 * @param name its name in the kustomization
	 * @return the ConfigMap, if rendered
	 */
	Optional<V1ConfigMap> configMap(String name) {
		return all(V1ConfigMap.class).stream()
			.filter((map) -> map.getMetadata().getName().equals(name)
					|| map.getMetadata().getName().matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}"))
			.findFirst();
	}

	/**
	 * A value of the shared ConfigMap {@code littlethreads}.
	 * @param key its key
	 * @return the value
	 */
	String setting(String key) {
		V1ConfigMap settings = configMap("littlethreads")
			.orElseThrow(() -> new AssertionError(this.variant + " has no ConfigMap littlethreads"));
		return Objects.requireNonNull(settings.getData().get(key), () -> this.variant + ": no setting " + key);
	}

	/**
	 * What a container's environment variable comes to: its value, or the ConfigMap value
	 * it refers to.
	 * @param container the container
	 * @param name the variable
	 * @return the value, empty if the variable is not set or comes from a Secret
	 */
	Optional<String> env(V1Container container, String name) {
		for (V1EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
			if (!variable.getName().equals(name)) {
				continue;
			}
			if (variable.getValue() != null) {
				return Optional.of(variable.getValue());
			}
			if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
				String map = variable.getValueFrom().getConfigMapKeyRef().getName();
				String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
				return all(V1ConfigMap.class).stream()
					.filter((candidate) -> candidate.getMetadata().getName().equals(map))
					.map((candidate) -> candidate.getData().get(key))
					.filter(Objects::nonNull)
					.findFirst();
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return this.variant;
	}

	/**
	 * Whether a label selector selects pods with these labels.
	 * @param selector the selector (an empty one selects every pod)
	 * @param labels the pod's labels
	 * @return whether it matches
	 */
	static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		Map<String, String> pods = (labels != null) ? labels : Map.of();
		if (selector.getMatchLabels() != null) {
			for (Map.Entry<String, String> required : selector.getMatchLabels().entrySet()) {
				if (!required.getValue().equals(pods.get(required.getKey()))) {
					return false;
				}
			}
		}
		for (V1LabelSelectorRequirement requirement : Optional.ofNullable(selector.getMatchExpressions())
			.orElse(List.of())) {
			String value = pods.get(requirement.getKey());
			boolean matched = switch (requirement.getOperator()) {
				case "In" -> value != null && requirement.getValues().contains(value);
				case "NotIn" -> value == null || !requirement.getValues().contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new AssertionError("Unknown selector operator " + requirement.getOperator());
			};
			if (!matched) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A Deployment, StatefulSet or Job: something that makes pods.
	 *
	 * @param kind its kind
	 * @param name its name
	 * @param template its pod template
	 * @param replicas the replicas it asks for (none: a Job, or an autoscaler decides)
	 */
	record Workload(String kind, String name, V1PodTemplateSpec template, Integer replicas) {

		V1PodSpec pod() {
			return this.template.getSpec();
		}

		Map<String, String> labels() {
			return this.template.getMetadata().getLabels();
		}

		List<V1Container> containers() {
			return Stream
				.concat(Optional.ofNullable(pod().getInitContainers()).orElse(List.of()).stream(),
						pod().getContainers().stream())
				.toList();
		}

		boolean isLongRunning() {
			return !"Job".equals(this.kind);
		}

		@Override
		public String toString() {
			return this.kind + " " + this.name;
		}

	}

}
