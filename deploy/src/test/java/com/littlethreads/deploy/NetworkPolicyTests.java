package com.littlethreads.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.littlethreads.deploy.Rendered.Workload;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies, evaluated: the connections they allow between the shop's pods are
 * exactly the ones the shop makes, and nothing else gets in or out.
 */
class NetworkPolicyTests {

	/** Who calls whom, in every overlay: {@code from -> to:port}. */
	private static final Set<String> CONNECTIONS = Set.of("gateway-service -> user-service:8081",
			"gateway-service -> catalog-service:8082", "gateway-service -> payment-service:8083",
			// Service tokens and the JWKS; stock holds and prices.
			"payment-service -> user-service:8081", "payment-service -> catalog-service:8082",
			// The JWKS, for the admin API's tokens.
			"catalog-service -> user-service:8081",
			// Each service to its database; replication; the Job that creates the users.
			"user-service -> mongodb:27017", "catalog-service -> mongodb:27017", "payment-service -> mongodb:27017",
			"mongodb -> mongodb:27017", "mongodb-init -> mongodb:27017");

	/** Production's own: the gateway's shared buckets. */
	private static final Set<String> PRODUCTION_CONNECTIONS = Set.of("gateway-service -> redis:6379");

	/** Local's own: the emulator's API and its webhooks. */
	private static final Set<String> LOCAL_CONNECTIONS = Set.of("payment-service -> stripe-emulator:8090",
			"stripe-emulator -> payment-service:8083");

	static List<String> variants() {
		return Manifests.variants();
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everythingIsDeniedUnlessAPolicyAllowsIt(String variant) {
		assertThat(Manifests.render(variant).all(V1NetworkPolicy.class)).anySatisfy((policy) -> {
			assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
			assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
			assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
			assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
			assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
		});
	}

	@ParameterizedTest
	@MethodSource("variants")
	void everyWorkloadHasANetworkPolicyOfItsOwn(String variant) {
		Rendered rendered = Manifests.render(variant);
		for (Workload workload : rendered.workloads()) {
			assertThat(rendered.all(V1NetworkPolicy.class)).as("NetworkPolicies of %s", workload)
				.filteredOn((policy) -> policy.getMetadata().getName().equals(workload.name()))
				.singleElement()
				.satisfies((policy) -> {
					assertThat(policy.getSpec().getPodSelector().getMatchLabels())
						.containsEntry("app.kubernetes.io/name", workload.name());
					assertThat(Rendered.matches(policy.getSpec().getPodSelector(), workload.labels())).isTrue();
					assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
				});
		}
	}

	/**
	 * Both sides of every connection, each on its own: a pod's egress allows exactly the
	 * connections it makes, and a pod's ingress exactly the ones it receives. So
	 * loosening one side is caught even where the other side still blocks the traffic.
	 */
	@ParameterizedTest
	@MethodSource("variants")
	void podsReachExactlyThePodsTheyCall(String variant) {
		Rendered rendered = Manifests.render(variant);
		Set<String> expected = new TreeSet<>(CONNECTIONS);
		expected.addAll(rendered.isProduction() ? PRODUCTION_CONNECTIONS : LOCAL_CONNECTIONS);
		Set<String> egress = new TreeSet<>();
		Set<String> ingress = new TreeSet<>();
		for (Workload from : rendered.workloads()) {
			for (Workload to : rendered.workloads()) {
				for (int port : ports(to)) {
					String connection = from.name() + " -> " + to.name() + ":" + port;
					if (egressAllowed(rendered, from, to, port)) {
						egress.add(connection);
					}
					if (ingressAllowed(rendered, from, to, port)) {
						ingress.add(connection);
					}
				}
			}
		}
		assertThat(egress).as("what the pods' egress rules allow").isEqualTo(expected);
		assertThat(ingress).as("what the pods' ingress rules allow").isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("variants")
	void fromOutsideTheNamespaceOnlyTheIngressControllerReachesOnlyTheGatewaysPublicPort(String variant) {
		for (V1NetworkPolicy policy : Manifests.render(variant).all(V1NetworkPolicy.class)) {
			for (V1NetworkPolicyIngressRule rule : Optional.ofNullable(policy.getSpec().getIngress())
				.orElse(List.of())) {
				assertThat(rule.getFrom()).as("sources of %s", policy.getMetadata().getName()).isNotEmpty();
				for (V1NetworkPolicyPeer peer : rule.getFrom()) {
					assertThat(peer.getIpBlock()).isNull();
					if (peer.getNamespaceSelector() != null && policy.getMetadata().getName().endsWith("-metrics")) {
						// The monitoring component's: Prometheus, on the metrics port.
						assertThat(peer.getNamespaceSelector().getMatchLabels())
							.containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
						assertThat(peer.getPodSelector().getMatchLabels())
							.containsExactly(Map.entry("app.kubernetes.io/name", "prometheus"));
						assertThat(rule.getPorts()).extracting((port) -> port.getPort().getIntValue())
							.containsExactly(MonitoringTests.METRICS_PORTS.get(policy.getMetadata()
								.getName()
								.substring(0, policy.getMetadata().getName().length() - "-metrics".length())));
					}
					else if (peer.getNamespaceSelector() != null) {
						assertThat(policy.getMetadata().getName()).isEqualTo("gateway-service");
						assertThat(rule.getPorts()).extracting((port) -> port.getPort().getIntValue())
							.containsExactly(8080);
					}
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("variants")
	void onlyPaymentServiceLeavesTheClusterAndOnlyForStripeInProduction(String variant) {
		Rendered rendered = Manifests.render(variant);
		Set<String> external = new TreeSet<>();
		for (V1NetworkPolicy policy : rendered.all(V1NetworkPolicy.class)) {
			for (V1NetworkPolicyEgressRule rule : Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of())) {
				assertThat(rule.getTo()).as("destinations of %s", policy.getMetadata().getName()).isNotEmpty();
				for (V1NetworkPolicyPeer peer : rule.getTo()) {
					if (peer.getIpBlock() != null) {
						assertThat(peer.getIpBlock().getExcept()).as("private ranges kept out")
							.containsAnyOf("10.0.0.0/8", "fc00::/7");
						external.add(policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name")
								+ ":" + rule.getPorts().stream().map((port) -> port.getPort().toString()).toList());
					}
					else if (peer.getNamespaceSelector() != null) {
						// The cluster's DNS, for every pod.
						assertThat(policy.getMetadata().getName()).isEqualTo("allow-dns");
						assertThat(peer.getNamespaceSelector().getMatchLabels())
							.containsEntry("kubernetes.io/metadata.name", "kube-system");
					}
				}
			}
		}
		assertThat(external).isEqualTo(rendered.isProduction() ? Set.of("payment-service:[443]") : Set.of());
	}

	private static List<Integer> ports(Workload workload) {
		return workload.pod()
			.getContainers()
			.stream()
			.map(V1Container::getPorts)
			.filter((ports) -> ports != null)
			.flatMap(List::stream)
			.map(V1ContainerPort::getContainerPort)
			.toList();
	}

	private static boolean egressAllowed(Rendered rendered, Workload from, Workload to, int port) {
		List<V1NetworkPolicy> selecting = selecting(rendered, from, "Egress");
		if (selecting.isEmpty()) {
			return true;
		}
		return selecting.stream()
			.flatMap((policy) -> Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of()).stream())
			.anyMatch((rule) -> admits(rule.getTo(), to) && admits(rule.getPorts(), port, to));
	}

	private static boolean ingressAllowed(Rendered rendered, Workload from, Workload to, int port) {
		List<V1NetworkPolicy> selecting = selecting(rendered, to, "Ingress");
		if (selecting.isEmpty()) {
			return true;
		}
		return selecting.stream()
			.flatMap((policy) -> Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of()).stream())
			.anyMatch((rule) -> admits(rule.getFrom(), from) && admits(rule.getPorts(), port, to));
	}

	private static List<V1NetworkPolicy> selecting(Rendered rendered, Workload workload, String type) {
		return rendered.all(V1NetworkPolicy.class)
			.stream()
			.filter((policy) -> Rendered.matches(policy.getSpec().getPodSelector(), workload.labels()))
			.filter((policy) -> policy.getSpec().getPolicyTypes().contains(type))
			.toList();
	}

	/**
	 * Peers in this namespace only: a namespace selector or an address block is
	 * elsewhere.
	 */
	private static boolean admits(List<V1NetworkPolicyPeer> peers, Workload workload) {
		if (peers == null || peers.isEmpty()) {
			return true;
		}
		return peers.stream()
			.anyMatch((peer) -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null
					&& Rendered.matches(peer.getPodSelector(), workload.labels()));
	}

	private static boolean admits(List<V1NetworkPolicyPort> ports, int port, Workload to) {
		if (ports == null || ports.isEmpty()) {
			return true;
		}
		return ports.stream().anyMatch((candidate) -> {
			IntOrString value = candidate.getPort();
			if (value == null) {
				return true;
			}
			if (value.isInteger()) {
				return value.getIntValue() == port;
			}
			return to.pod()
				.getContainers()
				.stream()
				.flatMap((container) -> Optional.ofNullable(container.getPorts()).orElse(List.of()).stream())
				.anyMatch((named) -> value.getStrValue().equals(named.getName()) && named.getContainerPort() == port);
		});
	}

}
