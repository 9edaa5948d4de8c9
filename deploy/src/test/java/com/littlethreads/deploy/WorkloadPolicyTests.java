package com.littlethreads.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.littlethreads.deploy.Rendered.Workload;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every workload of every overlay must be: probed on actuator's groups, with
 * requests and limits, under the restricted Pod Security profile, spread over nodes,
 * covered by a PodDisruptionBudget, and (the four services) autoscaled, with two replicas
 * at least in production.
 */
class WorkloadPolicyTests {

	/** The shop's services: each a Deployment with an autoscaler. */
	static final List<String> SERVICES = List.of("user-service", "catalog-service", "payment-service",
			"gateway-service");

	/**
	 * The volume types the restricted profile allows (Pod Security Standards, "Volume
	 * Types").
	 */
	private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
			"ephemeral", "persistentVolumeClaim", "projected", "secret");

	static List<String> variants() {
		return Manifests.variants();
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyLongRunningContainerHasLivenessAndReadinessProbes(String variant) {
		Rendered rendered = Manifests.render(variant);
		for (Workload workload : rendered.workloads()) {
			if (!workload.isLongRunning()) {
				continue;
			}
			for (V1Container container : workload.pod().getContainers()) {
				assertThat(container.getLivenessProbe()).as("liveness probe of %s", workload).isNotNull();
				assertThat(container.getReadinessProbe()).as("readiness probe of %s", workload).isNotNull();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void springServicesAreProbedOnActuatorsProbeGroups(String variant) {
		Rendered rendered = Manifests.render(variant);
		for (Workload workload : rendered.workloads()) {
			for (V1Container container : workload.pod().getContainers()) {
				if (!container.getImage().contains("littlethreads/")) {
					continue;
				}
				assertThat(httpGet(container.getStartupProbe())).as("startup probe of %s", workload)
					.extracting(V1HTTPGetAction::getPath)
					.isEqualTo("/actuator/health/liveness");
				assertThat(httpGet(container.getLivenessProbe())).as("liveness probe of %s", workload)
					.extracting(V1HTTPGetAction::getPath)
					.isEqualTo("/actuator/health/liveness");
				assertThat(httpGet(container.getReadinessProbe())).as("readiness probe of %s", workload)
					.extracting(V1HTTPGetAction::getPath)
					.isEqualTo("/actuator/health/readiness");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void theGatewayIsProbedOnItsManagementPortWhichListensBeyondLoopback(String variant) {
		Rendered rendered = Manifests.render(variant);
		V1Container gateway = rendered.workload("gateway-service").pod().getContainers().get(0);
		int management = Integer.parseInt(rendered.env(gateway, "MANAGEMENT_SERVER_PORT").orElseThrow());
		assertThat(rendered.env(gateway, "MANAGEMENT_SERVER_ADDRESS")).contains("0.0.0.0");
		V1ContainerPort port = gateway.getPorts()
			.stream()
			.filter((candidate) -> candidate.getContainerPort() == management)
			.findFirst()
			.orElseThrow();
		for (V1Probe probe : List.of(gateway.getStartupProbe(), gateway.getLivenessProbe(),
				gateway.getReadinessProbe())) {
			assertThat(httpGet(probe).getPort().toString()).isIn(port.getName(), String.valueOf(management));
		}
		assertThat(rendered.env(gateway, "PORT").orElse("8080")).isNotEqualTo(String.valueOf(management));
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyContainerHasCpuAndMemoryRequestsAndLimits(String variant) {
		for (Workload workload : Manifests.render(variant).workloads()) {
			for (V1Container container : workload.containers()) {
				V1ResourceRequirements resources = container.getResources();
				assertThat(resources).as("resources of %s", workload).isNotNull();
				for (String resource : List.of("cpu", "memory")) {
					Quantity request = Optional.ofNullable(resources.getRequests()).orElse(Map.of()).get(resource);
					Quantity limit = Optional.ofNullable(resources.getLimits()).orElse(Map.of()).get(resource);
					assertThat(request).as("%s request of %s", resource, workload).isNotNull();
					assertThat(limit).as("%s limit of %s", resource, workload).isNotNull();
					assertThat(request.getNumber()).as("%s request of %s within its limit", resource, workload)
						.isLessThanOrEqualTo(limit.getNumber());
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyPodRunsUnderTheRestrictedPodSecurityProfile(String variant) {
		for (Workload workload : Manifests.render(variant).workloads()) {
			V1PodSecurityContext pod = workload.pod().getSecurityContext();
			assertThat(pod).as("pod security context of %s", workload).isNotNull();
			assertThat(pod.getRunAsNonRoot()).as("runAsNonRoot of %s", workload).isTrue();
			assertThat(pod.getRunAsUser()).as("runAsUser of %s", workload).isNotNull().isPositive();
			assertThat(pod.getSeccompProfile().getType()).as("seccomp of %s", workload).isEqualTo("RuntimeDefault");
			assertThat(workload.pod().getHostNetwork()).as("hostNetwork of %s", workload).isNotEqualTo(Boolean.TRUE);
			assertThat(workload.pod().getHostPID()).as("hostPID of %s", workload).isNotEqualTo(Boolean.TRUE);
			assertThat(workload.pod().getHostIPC()).as("hostIPC of %s", workload).isNotEqualTo(Boolean.TRUE);
			assertThat(workload.pod().getAutomountServiceAccountToken()).as("API token of %s", workload).isFalse();
			for (V1Volume volume : Optional.ofNullable(workload.pod().getVolumes()).orElse(List.of())) {
				assertThat(volumeType(volume)).as("volume %s of %s", volume.getName(), workload)
					.isIn(RESTRICTED_VOLUME_TYPES);
			}
			for (V1Container container : workload.containers()) {
				V1SecurityContext security = container.getSecurityContext();
				String name = workload + " container " + container.getName();
				assertThat(security).as("security context of %s", name).isNotNull();
				assertThat(security.getAllowPrivilegeEscalation()).as("allowPrivilegeEscalation of %s", name).isFalse();
				assertThat(security.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem of %s", name).isTrue();
				assertThat(security.getPrivileged()).as("privileged of %s", name).isNotEqualTo(Boolean.TRUE);
				assertThat(security.getRunAsNonRoot()).as("runAsNonRoot of %s", name).isNotEqualTo(Boolean.FALSE);
				assertThat(security.getRunAsUser()).as("runAsUser of %s", name).isNotEqualTo(Long.valueOf(0));
				assertThat(security.getCapabilities().getDrop()).as("capabilities dropped by %s", name)
					.containsExactly("ALL");
				assertThat(security.getCapabilities().getAdd()).as("capabilities added by %s", name).isNullOrEmpty();
				assertThat(security.getSeccompProfile().getType()).as("seccomp of %s", name)
					.isEqualTo("RuntimeDefault");
				assertThat(container.getPorts()).as("host ports of %s", name)
					.allSatisfy((port) -> assertThat(port.getHostPort()).isNull());
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void theJvmWritesOnlyToAnEmptyDirAtTmpAsTheUserTheImageIsBuiltWith(String variant) {
		for (Workload workload : Manifests.render(variant).workloads()) {
			for (V1Container container : workload.pod().getContainers()) {
				if (!container.getImage().contains("littlethreads/")) {
					continue;
				}
				assertThat(workload.pod().getSecurityContext().getRunAsUser()).as("user of %s", workload)
					.isEqualTo(ImageTests.IMAGE_USER);
				V1VolumeMount tmp = container.getVolumeMounts()
					.stream()
					.filter((mount) -> mount.getMountPath().equals("/tmp"))
					.findFirst()
					.orElseThrow(() -> new AssertionError(workload + " mounts nothing at /tmp"));
				assertThat(workload.pod().getVolumes()).filteredOn((volume) -> volume.getName().equals(tmp.getName()))
					.singleElement()
					.satisfies((volume) -> assertThat(volume.getEmptyDir()).isNotNull());
				assertThat(container.getVolumeMounts()).as("writable mounts of %s", workload)
					.filteredOn((mount) -> !Boolean.TRUE.equals(mount.getReadOnly()))
					.extracting(V1VolumeMount::getMountPath)
					.containsExactly("/tmp");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyImageHasAPinnedTagThatIsNotLatest(String variant) {
		for (Workload workload : Manifests.render(variant).workloads()) {
			for (V1Container container : workload.containers()) {
				String image = container.getImage();
				String tag = ImageTests.tag(image);
				assertThat(tag).as("tag of %s in %s", image, workload).isNotBlank().isNotEqualTo("latest");
				assertThat(container.getImagePullPolicy()).as("pull policy of %s", workload).isNotBlank();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyDeploymentAndStatefulSetHasAPodDisruptionBudget(String variant) {
		Rendered rendered = Manifests.render(variant);
		for (Workload workload : rendered.workloads()) {
			if (!workload.isLongRunning()) {
				continue;
			}
			assertThat(rendered.all(V1PodDisruptionBudget.class))
				.as("PodDisruptionBudgets selecting the pods of %s", workload)
				.filteredOn((pdb) -> Rendered.matches(pdb.getSpec().getSelector(), workload.labels()))
				.singleElement()
				.satisfies((pdb) -> assertThat(pdb.getSpec().getMaxUnavailable().getIntValue()).isEqualTo(1));
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyDeploymentAndStatefulSetIsSpreadOverNodesAndZones(String variant) {
		for (Workload workload : Manifests.render(variant).workloads()) {
			if (!workload.isLongRunning()) {
				continue;
			}
			List<V1TopologySpreadConstraint> constraints = workload.pod().getTopologySpreadConstraints();
			assertThat(constraints).as("topology spread of %s", workload)
				.isNotEmpty()
				.allSatisfy(
						(constraint) -> assertThat(Rendered.matches(constraint.getLabelSelector(), workload.labels()))
							.as("spread of %s counts its own pods", workload)
							.isTrue())
				.extracting(V1TopologySpreadConstraint::getTopologyKey)
				.contains("kubernetes.io/hostname");
			if (workload.name().equals("mongodb") || SERVICES.contains(workload.name())) {
				assertThat(constraints).as("spread of %s", workload).anySatisfy((constraint) -> {
					assertThat(constraint.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
					assertThat(constraint.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
				}).extracting(V1TopologySpreadConstraint::getTopologyKey).contains("topology.kubernetes.io/zone");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyServiceIsAnAutoscaledDeploymentWithTwoReplicasAtLeastInProduction(String variant) {
		Rendered rendered = Manifests.render(variant);
		for (String service : SERVICES) {
			V1Deployment deployment = rendered.all(V1Deployment.class)
				.stream()
				.filter((candidate) -> candidate.getMetadata().getName().equals(service))
				.findFirst()
				.orElseThrow(() -> new AssertionError(variant + " has no Deployment " + service));
			assertThat(deployment.getSpec().getReplicas())
				.as("replicas of %s: left to its HorizontalPodAutoscaler, which a re-apply must not undo", service)
				.isNull();
			V2HorizontalPodAutoscaler autoscaler = rendered.all(V2HorizontalPodAutoscaler.class)
				.stream()
				.filter((candidate) -> candidate.getSpec().getScaleTargetRef().getName().equals(service))
				.findFirst()
				.orElseThrow(() -> new AssertionError(variant + " has no HorizontalPodAutoscaler for " + service));
			assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
			assertThat(autoscaler.getSpec().getMetrics()).as("metrics of the autoscaler of %s", service).isNotEmpty();
			assertThat(autoscaler.getSpec().getMaxReplicas())
				.isGreaterThanOrEqualTo(autoscaler.getSpec().getMinReplicas());
			if (rendered.isProduction()) {
				assertThat(autoscaler.getSpec().getMinReplicas()).as("minimum replicas of %s in production", service)
					.isGreaterThanOrEqualTo(2);
				assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void mongoDbIsAReplicaSetOfThreeMembersInProductionAndOneLocally(String variant) {
		Rendered rendered = Manifests.render(variant);
		V1StatefulSet mongodb = rendered.all(V1StatefulSet.class)
			.stream()
			.filter((candidate) -> candidate.getMetadata().getName().equals("mongodb"))
			.findFirst()
			.orElseThrow();
		int members = mongodb.getSpec().getReplicas();
		assertThat(members).isEqualTo(rendered.isProduction() ? 3 : 1);
		StringBuilder hosts = new StringBuilder();
		for (int member = 0; member < members; member++) {
			hosts.append((member > 0) ? "," : "").append("mongodb-" + member + ".mongodb:27017");
		}
		assertThat(rendered.setting("MONGODB_HOSTS")).as("the members the services and the Job connect to")
			.isEqualTo(hosts.toString());
		assertThat(mongodb.getSpec().getServiceName()).isEqualTo("mongodb");
		assertThat(mongodb.getSpec().getVolumeClaimTemplates()).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("variants")
	void theServicesTrustForwardedAddressesFromThePodNetworkOnly(String variant) {
		Rendered rendered = Manifests.render(variant);
		for (String service : List.of("user-service", "catalog-service", "payment-service")) {
			V1Container container = rendered.workload(service).pod().getContainers().get(0);
			assertThat(rendered.env(container, "TRUSTED_PROXIES")).as("TRUSTED_PROXIES of %s", service)
				.contains(rendered.setting("POD_CIDR"));
		}
		V1Container gateway = rendered.workload("gateway-service").pod().getContainers().get(0);
		assertThat(rendered.env(gateway, "TRUSTED_PROXIES")).contains(rendered.setting("GATEWAY_TRUSTED_PROXIES"));
		assertThat(rendered.setting("POD_CIDR")).matches("[0-9a-f.:]+/[0-9]+");
	}

	@ParameterizedTest
	@MethodSource("variants")
	void productionTakesPaymentsWithStripeAndLocalWithTheEmulator(String variant) {
		Rendered rendered = Manifests.render(variant);
		boolean emulator = rendered.workloads().stream().anyMatch((w) -> w.name().equals("stripe-emulator"));
		assertThat(emulator).isEqualTo(!rendered.isProduction());
		assertThat(rendered.setting("STRIPE_API_BASE"))
			.isEqualTo(rendered.isProduction() ? "https://api.stripe.com" : "http://stripe-emulator:8090");
		if (rendered.isProduction()) {
			assertThat(rendered.setting("PUBLIC_URL")).startsWith("https://");
		}
	}

	private static V1HTTPGetAction httpGet(V1Probe probe) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet()).isNotNull();
		return probe.getHttpGet();
	}

	private static String volumeType(V1Volume volume) {
		Map<String, Object> fields = new com.google.gson.Gson().fromJson(
				io.kubernetes.client.openapi.JSON.getGson().toJson(volume),
				new com.google.gson.reflect.TypeToken<Map<String, Object>>() {
				}.getType());
		return fields.keySet()
			.stream()
			.filter((field) -> !field.equals("name"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("volume " + volume.getName() + " has no type"));
	}

}
