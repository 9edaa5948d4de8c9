package com.littlethreads.deploy;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.kubernetes.client.custom.QuantityFormatException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * The Kubernetes API schema of one release, offline: the models of the official
 * Kubernetes Java client ({@code io.kubernetes:client-java-api}), which are generated
 * from that release's OpenAPI document, client 23 from Kubernetes 1.32 (the kubectl these
 * machines ship). Each generated model validates a JSON object against its schema: a
 * field the schema does not have, a required field missing, or an object, array or string
 * where the schema wants another shape is refused, at every depth. Reading the object
 * into the model then checks the scalar types (integers, booleans, quantities such as
 * {@code 512Mi}, int-or-string ports).
 * <p>
 * Custom resources (the External Secrets Operator's ExternalSecret, the Prometheus
 * Operator's ServiceMonitor and PrometheusRule) are no part of the Kubernetes API and
 * have no model here: they are listed in {@link #CUSTOM_RESOURCES}, skipped by this
 * validator on purpose, and checked field by field by the tests that read them.
 */
final class KubernetesSchema {

	/** The Kubernetes release the manifests are validated against. */
	static final String KUBERNETES_VERSION = "1.32";

	/** Kinds of the Kubernetes API these manifests use, by {@code apiVersion/kind}. */
	private static final Map<String, Class<?>> MODELS = Map.ofEntries(Map.entry("v1/Namespace", V1Namespace.class),
			Map.entry("v1/ServiceAccount", V1ServiceAccount.class), Map.entry("v1/Service", V1Service.class),
			Map.entry("v1/ConfigMap", V1ConfigMap.class), Map.entry("v1/Secret", V1Secret.class),
			Map.entry("apps/v1/Deployment", V1Deployment.class), Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
			Map.entry("batch/v1/Job", V1Job.class),
			Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
			Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class));

	/** Custom resources: not validated here (see the class comment). */
	static final Set<String> CUSTOM_RESOURCES = Set.of("external-secrets.io/v1/ExternalSecret",
			"monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PrometheusRule");

	private static final Gson PLAIN = new Gson();

	static {
		// Registers the client's type adapters (dates, quantities, int-or-string) with
		// its Gson.
		new JSON();
	}

	private KubernetesSchema() {
	}

	static boolean isCustomResource(Map<String, Object> object) {
		return CUSTOM_RESOURCES.contains(type(object));
	}

	/**
	 * Validates one object against the schema of its kind and reads it into the model.
	 * @param object an object as YAML gives it
	 * @return the model ({@code V1Deployment} ...)
	 * @throws IllegalArgumentException naming the object and what is wrong with it
	 */
	static Object validate(Map<String, Object> object) {
		String type = type(object);
		Class<?> model = MODELS.get(type);
		if (model == null) {
			throw new IllegalArgumentException(describe(object) + ": no schema for " + type
					+ " (a kind of the Kubernetes API belongs in KubernetesSchema.MODELS, a custom resource in CUSTOM_RESOURCES)");
		}
		JsonElement json = PLAIN.toJsonTree(object);
		try {
			model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
			return JSON.getGson().fromJson(json, model);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalArgumentException(describe(object) + " does not match the Kubernetes " + KUBERNETES_VERSION
					+ " schema of " + type + ": " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (JsonParseException | QuantityFormatException | IllegalArgumentException ex) {
			throw new IllegalArgumentException(describe(object) + " does not match the Kubernetes " + KUBERNETES_VERSION
					+ " schema of " + type + ": " + ex.getMessage(), ex);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(model + " has no generated validator", ex);
		}
	}

	static String type(Map<String, Object> object) {
		return object.get("apiVersion") + "/" + object.get("kind");
	}

	@SuppressWarnings("unchecked")
	static String describe(Map<String, Object> object) {
		Object metadata = object.get("metadata");
		Object name = (metadata instanceof Map) ? ((Map<String, Object>) metadata).get("name") : null;
		return object.get("kind") + " " + name;
	}

}
