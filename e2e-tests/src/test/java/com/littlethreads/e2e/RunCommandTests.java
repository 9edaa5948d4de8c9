package com.littlethreads.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.littlethreads.e2e.RunningShop.Ports;

import static com.littlethreads.e2e.RunningShop.STARTUP;
import static com.littlethreads.e2e.RunningShop.listening;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command as a newcomer uses it: it starts the stack on the embedded
 * store, says where to look once everything is healthy (the admin's sign-in included),
 * keeps data across restarts, stops everything on Ctrl-C, and gives up loudly when a
 * service cannot start. The services' jars are built by the reactor before this module,
 * so the command finds them fresh.
 */
class RunCommandTests {

	private static final Pattern ADMIN_SIGN_IN = Pattern.compile("Admin sign-in: (\\S+) / (\\S+)");

	@TempDir
	Path work;

	private RunningShop running;

	@AfterEach
	void stopLeftovers() throws Exception {
		if (this.running != null) {
			this.running.close();
		}
	}

	@Test
	void startsTheStackServesTheCatalogThroughTheGatewayAndStopsOnCtrlC() throws Exception {
		Ports ports = Ports.free();
		this.running = RunningShop.start(this.work, ports, Map.of());
		String printed = this.running.awaitReady();

		assertThat(printed).contains("http://localhost:" + ports.gateway() + "/api/catalog/products")
			.contains("http://localhost:" + ports.catalog() + "/swagger-ui.html")
			.contains("http://localhost:" + ports.user() + "/swagger-ui.html")
			.contains("http://localhost:" + ports.gateway() + "/api/auth/login")
			.contains("http://localhost:" + ports.gateway() + "/swagger-ui.html")
			.contains("http://localhost:" + ports.emulator() + "/")
			.contains("Admin sign-in: admin@littlethreads.local / ");
		ShopClient.Response products = new ShopClient()
			.get(this.running.gateway() + "/api/catalog/products?pageSize=1");
		assertThat(products.status()).isEqualTo(200);
		assertThat(products.body()).contains("\"total\":");
		// The gateway's actuator is on its management port, never the public one.
		assertThat(new ShopClient().get(this.running.gatewayManagement() + "/actuator/health/readiness").body())
			.contains("\"UP\"");
		assertThat(new ShopClient().get(this.running.gateway() + "/actuator/health").status()).isEqualTo(404);
		assertThat(this.work.resolve("run/logs/user-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("run/logs/catalog-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("run/logs/gateway-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("run/logs/payment-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("run/logs/stripe-emulator.log")).isNotEmptyFile();
		assertThat(this.work.resolve("data/payments.mv")).exists();
		assertThat(this.work.resolve("data/catalog.mv")).exists();
		assertThat(this.work.resolve("data/users.mv")).exists();
		String adminPassword = adminPassword(printed);
		Path storedPassword = this.work.resolve("data/admin-password");
		assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(16);
		assertThat(Files.readString(storedPassword).strip()).isEqualTo(adminPassword);
		assertThat(Files.getPosixFilePermissions(storedPassword)).as("only the owner may read the admin password")
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

		this.running.signal("INT");

		assertThat(this.running.process().waitFor(60, TimeUnit.SECONDS)).as("the command ends after Ctrl-C").isTrue();
		assertThat(this.running.printed()).contains("Stopped.");
		assertThat(listening(ports.gateway())).as("gateway port freed").isFalse();
		assertThat(listening(ports.gatewayManagement())).as("gateway management port freed").isFalse();
		assertThat(listening(ports.catalog())).as("catalog port freed").isFalse();
		assertThat(listening(ports.user())).as("user port freed").isFalse();
		assertThat(listening(ports.payment())).as("payment port freed").isFalse();
		assertThat(listening(ports.emulator())).as("emulator port freed").isFalse();

		this.running = RunningShop.start(this.work, ports, Map.of());
		String printedAgain = this.running.awaitReady();
		assertThat(Files.readString(this.work.resolve("run/logs/catalog-service.log")))
			.as("the second start finds the stored catalog instead of loading it again")
			.contains("not loading the sample catalog");
		assertThat(adminPassword(printedAgain)).as("the admin password is made up once and kept")
			.isEqualTo(adminPassword);
		this.running.signal("TERM");
		assertThat(this.running.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(listening(ports.gateway())).isFalse();
	}

	@Test
	void serviceThatCannotStartStopsEverythingAndShowsItsLog() throws Exception {
		Ports ports = Ports.free();

		// An invalid shop currency makes catalog-service refuse to start.
		this.running = RunningShop.start(this.work, ports, Map.of("CATALOG_CURRENCY", "pounds"));

		assertThat(this.running.process().waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(this.running.process().exitValue()).isNotZero();
		String printed = this.running.printed();
		assertThat(printed).contains("catalog-service failed to start").contains("currency");
		assertThat(listening(ports.gateway())).as("the gateway is stopped too").isFalse();
		assertThat(listening(ports.user())).as("user-service is stopped too").isFalse();
	}

	@Test
	void anInstanceCountOtherThanOneToNineIsRefusedBeforeAnythingStarts() throws Exception {
		this.running = RunningShop.start(this.work, Ports.free(), Map.of("INSTANCES", "two"));

		assertThat(this.running.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.running.process().exitValue()).isNotZero();
		assertThat(this.running.printed()).contains("INSTANCES must be a number from 1 to 9, not two")
			.doesNotContain("Started");
	}

	@Test
	void theJavaNamedByLtJavaHomeIsTheOneUsedAndAnOldOneIsRefusedBeforeAnythingStarts() throws Exception {
		Path jdk = this.work.resolve("old-jdk");
		Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
		Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n");
		java.toFile().setExecutable(true);

		this.running = RunningShop.start(this.work, Ports.free(), Map.of("LT_JAVA_HOME", jdk.toString()));

		assertThat(this.running.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.running.process().exitValue()).isNotZero();
		assertThat(this.running.printed()).contains("Java 17 or newer is needed (found 11 at " + java + ")")
			.doesNotContain("Started");
	}

	private static String adminPassword(String printed) {
		Matcher signIn = ADMIN_SIGN_IN.matcher(printed);
		assertThat(signIn.find()).as(printed).isTrue();
		assertThat(signIn.group(1)).isEqualTo("admin@littlethreads.local");
		return signIn.group(2);
	}

}
