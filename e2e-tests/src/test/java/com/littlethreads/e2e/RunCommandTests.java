package com.littlethreads.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.littlethreads.e2e.RunningShop.Ports;

import static com.littlethreads.e2e.RunningShop.ROOT;
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

	private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

	/** The modules run.sh starts with the emulator, each with an archive of its own. */
	private static final List<String> TRAINED = List.of("user-service", "catalog-service", "stripe-emulator",
			"payment-service", "gateway-service");

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
		// Where the README says the first start leaves its start-up archives, each
		// service's is, keyed by what it was made from.
		assertThat(Files.readString(ROOT.resolve("README.md")))
			.contains("The first start after a build also prepares each service's start-up archive")
			.contains("in `<module>/target/fast-start`");
		for (String module : TRAINED) {
			Path archives = ROOT.resolve(module + "/target/fast-start");
			String archive = Files.readAllLines(archives.resolve("key"))
				.stream()
				.filter((line) -> line.equals("app.aot") || line.equals("app.jsa"))
				.findFirst()
				.orElseThrow();
			assertThat(archives.resolve(archive)).isNotEmptyFile();
			assertThat(archives.resolve("app/app.jar")).isNotEmptyFile();
		}

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
		stop(ports);
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

	@Test
	void onJava17TheFirstStartTrainsClassDataArchivesOffTheStacksPortsAndEveryStartMapsThem() throws Exception {
		Path jdk = jdkOlderThan25();
		Path archives = this.work.resolve("fast-start");
		Map<String, String> environment = Map.of("LT_JAVA_HOME", jdk.toString(), "LT_FAST_START_DIR",
				archives.toString());
		Ports ports = Ports.free();

		this.running = RunningShop.start(this.work, ports, environment);
		int pollsWhileTraining = 0;
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline) && this.running.process().isAlive()) {
			// The ports first, then the output: a port found open before anything was
			// started can only be a training run's.
			List<Integer> open = ports.all().stream().filter(RunningShop::listening).toList();
			String printed = this.running.printed();
			if (printed.contains("Started ")) {
				break;
			}
			if (printed.contains("Preparing start-up archives")) {
				assertThat(open).as("the stack's ports answering while the archives are trained:\n" + printed)
					.isEmpty();
				pollsWhileTraining++;
			}
			Thread.sleep(200);
		}
		assertThat(pollsWhileTraining).as("the ports were polled during the training").isGreaterThan(10);
		String printed = this.running.awaitReady();
		assertThat(printed).contains("(" + jdk.resolve("bin/java") + ")").contains("in " + archives + "/<module>");
		for (String module : TRAINED) {
			assertThat(archives.resolve(module + "/app.jsa")).isNotEmptyFile();
			assertThat(archives.resolve(module + "/key")).content().contains("app.jsa");
			assertThat(archives.resolve(module + "/app.aot")).doesNotExist();
			assertMapsItsArchive(module, archives);
		}
		stop(ports);

		this.running = RunningShop.start(this.work, ports, environment);
		assertThat(this.running.awaitReady()).as("the archives are reused, not trained again")
			.doesNotContain("Preparing start-up archives");
		for (String module : TRAINED) {
			assertMapsItsArchive(module, archives);
		}
		stop(ports);

		// A jar newer than its archive (a build since) makes that one archive again.
		Path userKey = archives.resolve("user-service/key");
		Files.setLastModifiedTime(userKey, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		FileTime catalogKeyWritten = Files.getLastModifiedTime(archives.resolve("catalog-service/key"));
		this.running = RunningShop.start(this.work, ports, environment);
		assertThat(this.running.awaitReady()).contains("Preparing start-up archives");
		assertThat(Files.getLastModifiedTime(userKey).toInstant()).isAfter(Instant.parse("2020-01-02T00:00:00Z"));
		assertThat(Files.getLastModifiedTime(archives.resolve("catalog-service/key")))
			.as("the archives still current are kept")
			.isEqualTo(catalogKeyWritten);
		assertMapsItsArchive("user-service", archives);
		stop(ports);
	}

	/**
	 * Asserts that the running instance of a module was started with its class-data
	 * archive and that the JVM mapped it, rather than quietly starting without it (as it
	 * does when the archive does not match the classpath or the java).
	 */
	private void assertMapsItsArchive(String module, Path archives) throws Exception {
		long pid = this.running.pid(module);
		Path archive = archives.resolve(module + "/app.jsa");
		assertThat(ProcessHandle.of(pid).flatMap((process) -> process.info().arguments()).map(List::of).orElseThrow())
			.contains("-XX:SharedArchiveFile=" + archive);
		Path maps = Path.of("/proc/" + pid + "/maps");
		if (Files.exists(maps)) {
			assertThat(Files.readString(maps)).as(module + " maps " + archive).contains(archive.toString());
		}
	}

	private void stop(Ports ports) throws Exception {
		this.running.signal("TERM");
		assertThat(this.running.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(listening(ports.gateway())).isFalse();
	}

	/**
	 * A JDK from 17 to 24, which makes class-data sharing archives (25 and newer make the
	 * AOT cache instead): the one running the tests, or one in /usr/lib/jvm. The test is
	 * skipped where there is none.
	 */
	private static Path jdkOlderThan25() throws IOException {
		List<Path> candidates = new ArrayList<>();
		candidates.add(Path.of(System.getProperty("java.home")));
		Path installed = Path.of("/usr/lib/jvm");
		if (Files.isDirectory(installed)) {
			try (Stream<Path> jdks = Files.list(installed)) {
				jdks.sorted().forEach(candidates::add);
			}
		}
		for (Path candidate : candidates) {
			Path release = candidate.resolve("release");
			if (Files.isExecutable(candidate.resolve("bin/java")) && Files.isRegularFile(release)) {
				Matcher version = JAVA_VERSION.matcher(Files.readString(release));
				int feature = version.find() ? Integer.parseInt(version.group(1)) : 0;
				if (feature >= 17 && feature < 25) {
					return candidate.toRealPath();
				}
			}
		}
		Assumptions.abort("no JDK from 17 to 24 here (" + candidates + ")");
		return null;
	}

	private static String adminPassword(String printed) {
		Matcher signIn = ADMIN_SIGN_IN.matcher(printed);
		assertThat(signIn.find()).as(printed).isTrue();
		assertThat(signIn.group(1)).isEqualTo("admin@littlethreads.local");
		return signIn.group(2);
	}

}
