package com.littlethreads.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.littlethreads.e2e.ComposeFile.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml keeps the promises ops rely on: every service health-checked and
 * started only once what it needs is healthy, memory-limited, read-only and without
 * capabilities; secrets only from .env; both catalog instances behind the gateway; every
 * variable documented in .env.example. It reads the file; no Docker needed (.ci/run also
 * validates it with docker-compose 1.29 itself).
 */
class ComposeFileTests {

	private static final Set<String> SPRING_SERVICES = Set.of("user-service", "catalog-service-1", "catalog-service-2",
			"payment-service", "gateway", "stripe-emulator");

	/**
	 * ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}; not
	 * $${...}.
	 */
	private static final Pattern VARIABLE = Pattern
		.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

	private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]+}");

	private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|PASSWD|KEY|TOKEN|AUTH).*");

	/** user:password@ in a connection URI. */
	private static final Pattern URI_CREDENTIALS = Pattern
		.compile("[a-z][a-z0-9+.-]*://[^/:@\\s]*:(\\$\\{[^}]*}|[^@\\s]+)@");

	/** The services of the observability profile. */
	private static final List<String> OBSERVABILITY = List.of("prometheus", "alertmanager", "tempo", "grafana");

	private static ComposeFile compose;

	@BeforeAll
	static void load() throws IOException {
		compose = ComposeFile.load();
	}

	@Test
	void everySpringServiceIsBuiltFromTheOneDockerfileWithItsModule() {
		assertThat(compose.services().values().stream().filter(Service::isSpringService).map(Service::name))
			.containsExactlyInAnyOrderElementsOf(SPRING_SERVICES);
		for (String name : SPRING_SERVICES) {
			Map<String, Object> build = ComposeFile.map(compose.service(name).get("build"));
			assertThat(build.get("context")).as(name + " build context").isEqualTo(".");
			assertThat(build.getOrDefault("dockerfile", "Dockerfile")).as(name + " Dockerfile").isEqualTo("Dockerfile");
		}
		assertThat(module("catalog-service-1")).isEqualTo("catalog-service");
		assertThat(module("catalog-service-2")).isEqualTo("catalog-service");
		assertThat(module("gateway")).isEqualTo("gateway-service");
		assertThat(ComposeFile.ROOT.resolve("Dockerfile")).content().contains("ARG MODULE");
	}

	@Test
	void everyServiceHasAHealthCheck() {
		for (Service service : compose.services().values()) {
			Map<String, Object> healthcheck = ComposeFile.map(service.get("healthcheck"));
			assertThat(healthcheck.get("disable")).as(service.name() + " healthcheck.disable").isNotEqualTo(true);
			List<Object> test = ComposeFile.list(healthcheck.get("test"));
			assertThat(test).as(service.name() + " healthcheck.test").isNotEmpty().doesNotContain("NONE");
		}
	}

	@Test
	void everySpringServiceProbesItsOwnReadinessOnThePortItListensOn() {
		for (String name : SPRING_SERVICES) {
			Service service = compose.service(name);
			assertThat(ComposeFile.list(ComposeFile.map(service.get("healthcheck")).get("test")))
				.as(name + " health check")
				.contains("HealthCheck");
			// The probe reads PORT to find the service, which listens on PORT.
			assertThat(service.environment().get("PORT")).as(name + " PORT").matches("\\d+");
		}
	}

	@Test
	void theGatewaysProbeAsksItsManagementPortAndNothingAsksItsPublicActuator() {
		Map<String, String> gateway = compose.service("gateway").environment();
		assertThat(gateway.get("MANAGEMENT_SERVER_PORT")).matches("\\d+").isNotEqualTo(gateway.get("PORT"));
		assertThat(compose.definitionText()).doesNotContain("gateway:8080/actuator");
	}

	@Test
	void everySpringServiceStartsOnlyOnceWhatItNeedsIsHealthy() {
		for (String name : SPRING_SERVICES) {
			Service service = compose.service(name);
			assertThat(service.dependsOn()).as(name + " depends_on").isNotEmpty();
			if (service.environment().containsKey("SPRING_MONGODB_URI")) {
				assertThat(service.dependsOn()).as(name + " depends_on").containsEntry("mongo", "service_healthy");
			}
		}
		assertThat(compose.service("gateway").dependsOn()).containsOnlyKeys("redis", "user-service",
				"catalog-service-1", "catalog-service-2", "payment-service");
		assertThat(compose.service("payment-service").dependsOn()).containsKeys("mongo", "user-service");
	}

	@Test
	void everyDependencyWaitsForAHealthyServiceThatExists() {
		for (Service service : compose.services().values()) {
			service.dependsOn().forEach((dependency, condition) -> {
				assertThat(compose.services()).as(service.name() + " depends on").containsKey(dependency);
				assertThat(condition).as(service.name() + " waits for " + dependency).isEqualTo("service_healthy");
			});
		}
	}

	@Test
	void everyServiceHasAMemoryLimit() {
		for (Service service : compose.services().values()) {
			assertThat(service.memoryLimit()).as(service.name() + " memory limit").matches("\\d+[kmg]");
		}
	}

	@Test
	void everyServiceRunsReadOnlyWithoutCapabilitiesOrPrivilegeEscalation() {
		for (Service service : compose.services().values()) {
			assertThat(service.get("read_only")).as(service.name() + " read_only").isEqualTo(true);
			assertThat(service.strings("cap_drop")).as(service.name() + " cap_drop").containsExactly("ALL");
			assertThat(service.get("cap_add")).as(service.name() + " cap_add").isNull();
			assertThat(service.get("privileged")).as(service.name() + " privileged").isNotEqualTo(true);
			assertThat(service.strings("security_opt")).as(service.name() + " security_opt")
				.contains("no-new-privileges:true");
		}
	}

	@Test
	void everySpringServiceHasAWritableTmpOnItsReadOnlyFilesystem() {
		for (String name : SPRING_SERVICES) {
			assertThat(compose.service(name).strings("tmpfs")).as(name + " tmpfs")
				.anySatisfy((tmpfs) -> assertThat(tmpfs).matches("/tmp(:.*)?"));
		}
	}

	@Test
	void secretsAreOnlyRequiredReferencesToEnvFileVariables() {
		for (Service service : compose.services().values()) {
			service.environment().forEach((name, value) -> {
				if (SECRET_NAME.matcher(name).matches()) {
					assertThat(value).as(service.name() + " " + name).matches(REQUIRED_REFERENCE);
				}
			});
		}
		Matcher credentials = URI_CREDENTIALS.matcher(compose.definitionText());
		int uris = 0;
		while (credentials.find()) {
			uris++;
			assertThat(credentials.group(1)).as("password in " + credentials.group()).matches(REQUIRED_REFERENCE);
		}
		assertThat(uris).as("connection URIs with credentials").isGreaterThanOrEqualTo(4);
		List<String> redisCommand = compose.service("redis").strings("command");
		assertThat(redisCommand.get(redisCommand.indexOf("--requirepass") + 1)).matches(REQUIRED_REFERENCE);
	}

	@Test
	void theGatewayBalancesBothCatalogInstances() {
		String catalogUris = compose.service("gateway").environment().get("CATALOG_URIS");
		assertThat(Arrays.stream(catalogUris.split(",")).map(String::strip)).containsExactlyInAnyOrder(
				"http://catalog-service-1:" + port("catalog-service-1"),
				"http://catalog-service-2:" + port("catalog-service-2"));
		Map<String, String> gateway = compose.service("gateway").environment();
		assertThat(gateway.get("USER_URIS")).isEqualTo("http://user-service:" + port("user-service"));
		assertThat(gateway.get("PAYMENT_URIS")).isEqualTo("http://payment-service:" + port("payment-service"));
		assertThat(gateway.get("REDIS_URL")).startsWith("redis://").contains("@redis:6379");
	}

	@Test
	void theServicesBelieveForwardedHeadersFromTheGatewaysFixedAddressesOnly() {
		Map<String, Object> gatewayNetworks = ComposeFile.map(compose.service("gateway").get("networks"));
		List<String> gatewayAddresses = new ArrayList<>();
		gatewayNetworks.forEach((network, settings) -> {
			String address = withDefaults(String.valueOf(ComposeFile.map(settings).get("ipv4_address")));
			Object config = ComposeFile.list(ComposeFile.map(compose.networks().get(network).get("ipam")).get("config"))
				.get(0);
			String subnet = withDefaults(String.valueOf(ComposeFile.map(config).get("subnet")));
			assertThat(subnet).as(network + " subnet").endsWith(".0/24");
			assertThat(address).as("the gateway's address on " + network)
				.startsWith(subnet.substring(0, subnet.length() - "0/24".length()));
			gatewayAddresses.add(address + "/32");
		});
		assertThat(gatewayAddresses).hasSize(2);
		for (String name : List.of("user-service", "catalog-service-1", "catalog-service-2", "payment-service")) {
			String trusted = withDefaults(compose.service(name).environment().get("TRUSTED_PROXIES"));
			assertThat(Arrays.stream(trusted.split(",")).map(String::strip)).as(name + " TRUSTED_PROXIES")
				.containsExactlyInAnyOrderElementsOf(gatewayAddresses);
		}
		// The gateway's own: empty unless ops list the proxy in front of it.
		assertThat(compose.service("gateway").environment().get("TRUSTED_PROXIES")).isEqualTo("${TRUSTED_PROXIES:-}");
	}

	@Test
	void onlyTheGatewayAndTheEmulatorPagePublishPortsAndGrafanaOnlyOnLoopback() {
		for (Service service : compose.services().values()) {
			if (!Set.of("gateway", "stripe-emulator", "grafana").contains(service.name())) {
				assertThat(service.get("ports")).as(service.name() + " ports").isNull();
			}
		}
		assertThat(compose.service("grafana").strings("ports")).singleElement().asString().startsWith("127.0.0.1:");
		assertThat(compose.networks().get("backend")).containsEntry("internal", true);
		assertThat(compose.service("mongo").networkNames()).containsExactly("backend");
		assertThat(compose.service("redis").networkNames()).containsExactly("backend");
		assertThat(compose.service("user-service").networkNames()).containsExactly("backend");
		assertThat(compose.service("catalog-service-1").networkNames()).containsExactly("backend");
	}

	@Test
	void theStripeEmulatorAndStripeCliRunOnlyInTheirProfiles() {
		assertThat(compose.service("stripe-emulator").strings("profiles")).containsExactly("dev");
		Service stripeCli = compose.service("stripe-cli");
		assertThat(stripeCli.strings("profiles")).containsExactly("stripe-cli");
		assertThat(String.valueOf(stripeCli.get("image"))).startsWith("stripe/stripe-cli:");
		assertThat(stripeCli.strings("command")).containsSequence("--forward-to",
				"gateway:8080/api/payments/stripe/webhook");
		for (Service service : compose.services().values()) {
			if (!Set.of("stripe-emulator", "stripe-cli").contains(service.name())
					&& !OBSERVABILITY.contains(service.name())) {
				assertThat(service.get("profiles")).as(service.name() + " profiles").isNull();
				assertThat(service.dependsOn()).as(service.name() + " depends on a profile's service")
					.doesNotContainKeys("stripe-emulator", "stripe-cli")
					.doesNotContainKeys(OBSERVABILITY.toArray(String[]::new));
			}
		}
	}

	@Test
	void prometheusAlertmanagerTempoAndGrafanaRunOnlyInTheObservabilityProfile() {
		for (String name : OBSERVABILITY) {
			assertThat(compose.service(name).strings("profiles")).as(name + " profiles")
				.containsExactly("observability");
		}
		assertThat(compose.service("prometheus").networkNames()).contains("backend");
		assertThat(compose.service("tempo").networkNames()).contains("backend");
	}

	@Test
	void prometheusScrapesEveryServiceAndTheGatewayOnItsManagementPort() throws IOException {
		String prometheus = Files.readString(ComposeFile.ROOT.resolve("observability/prometheus/prometheus.yml"));
		for (String target : List.of("user-service:8081", "catalog-service-1:8082", "catalog-service-2:8082",
				"payment-service:8083")) {
			assertThat(prometheus).contains("\"" + target + "\"");
		}
		Map<String, String> gateway = compose.service("gateway").environment();
		assertThat(prometheus).contains("\"gateway:" + gateway.get("MANAGEMENT_SERVER_PORT") + "\"")
			.doesNotContain("gateway:" + gateway.get("PORT"));
		// Reachable by Prometheus on the backend network, and published nowhere.
		assertThat(gateway.get("MANAGEMENT_SERVER_ADDRESS")).isEqualTo("0.0.0.0");
		assertThat(compose.service("gateway").strings("ports"))
			.noneMatch((port) -> port.contains(gateway.get("MANAGEMENT_SERVER_PORT")));
	}

	@Test
	void everyVariableTheFileUsesIsDocumentedInEnvExampleWithTheSameDefault() throws IOException {
		Map<String, String> documented = envExample();
		Matcher variable = VARIABLE.matcher(compose.definitionText());
		int references = 0;
		while (variable.find()) {
			references++;
			String name = variable.group(1);
			assertThat(documented).as(".env.example documents " + name).containsKey(name);
			String operator = variable.group(2);
			if (operator != null && operator.endsWith("?")) {
				assertThat(documented.get(name)).as(name + " is required: .env.example leaves it empty").isEmpty();
			}
			else if (operator != null) {
				assertThat(documented.get(name)).as(name + " default in .env.example").isEqualTo(variable.group(3));
			}
		}
		assertThat(references).isGreaterThan(20);
		assertThat(compose.definitionText()).as("bare $NAME references (write ${NAME})")
			.doesNotContainPattern("(?<!\\$)\\$[A-Za-z_]");
	}

	@Test
	void everySecretInEnvExampleIsLeftEmpty() throws IOException {
		envExample().forEach((name, value) -> {
			if (SECRET_NAME.matcher(name).matches()) {
				assertThat(value).as(".env.example " + name).isEmpty();
			}
		});
	}

	@Test
	void theEnvFileStaysOutOfGitAndOutOfTheImages() throws IOException {
		assertThat(Files.readAllLines(ComposeFile.ROOT.resolve(".gitignore"))).contains(".env");
		assertThat(Files.readAllLines(ComposeFile.ROOT.resolve(".dockerignore"))).contains(".env");
	}

	@Test
	void usesNoKeyDockerCompose129Rejects() {
		assertThat(compose.root()).doesNotContainKeys("name", "include");
		for (Service service : compose.services().values()) {
			assertThat(service.definition()).as(service.name()).doesNotContainKeys("develop");
			assertThat(ComposeFile.map(service.get("healthcheck")).keySet()).as(service.name() + " healthcheck")
				.isSubsetOf("test", "interval", "timeout", "retries", "start_period", "disable");
			Object dependsOn = service.get("depends_on");
			if (dependsOn instanceof Map<?, ?> entries) {
				entries.values()
					.forEach((options) -> assertThat(ComposeFile.map(options).keySet())
						.as(service.name() + " depends_on")
						.isSubsetOf("condition"));
			}
			assertThat(ComposeFile
				.map(ComposeFile.map(ComposeFile.map(service.get("deploy")).get("resources")).get("limits"))
				.keySet()).as(service.name() + " deploy.resources.limits").isSubsetOf("memory", "cpus");
		}
	}

	/** A value with each variable replaced by its default, as with an empty .env. */
	private static String withDefaults(String value) {
		Matcher variable = VARIABLE.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (variable.find()) {
			String fallback = (variable.group(2) != null && variable.group(2).endsWith("-")) ? variable.group(3) : "";
			variable.appendReplacement(resolved, Matcher.quoteReplacement(fallback));
		}
		return variable.appendTail(resolved).toString();
	}

	private static String module(String service) {
		return String
			.valueOf(ComposeFile.map(ComposeFile.map(compose.service(service).get("build")).get("args")).get("MODULE"));
	}

	private static String port(String service) {
		return compose.service(service).environment().get("PORT");
	}

	private static Map<String, String> envExample() throws IOException {
		Map<String, String> variables = new LinkedHashMap<>();
		List<String> malformed = new ArrayList<>();
		for (String line : Files.readAllLines(ComposeFile.ROOT.resolve(".env.example"))) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals <= 0) {
				malformed.add(line);
				continue;
			}
			variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
		}
		assertThat(malformed).as(".env.example lines that are not NAME=value").isEmpty();
		return variables;
	}

}
