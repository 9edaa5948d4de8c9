package com.littlethreads.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command as a newcomer uses it: it starts the stack on the embedded
 * store, says where to look once everything is healthy (the admin's sign-in included),
 * keeps data across restarts, stops everything on Ctrl-C, and gives up loudly when a
 * service cannot start. The services' jars are built by the reactor before this module,
 * so the command finds them fresh.
 */
class RunCommandTests {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private static final Pattern ADMIN_SIGN_IN = Pattern.compile("Admin sign-in: (\\S+) / (\\S+)");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

	@TempDir
	Path work;

	private Process running;

	@AfterEach
	void stopLeftovers() throws Exception {
		if (this.running != null && this.running.isAlive()) {
			signal(this.running, "TERM");
			this.running.waitFor(30, TimeUnit.SECONDS);
			this.running.destroyForcibly();
		}
	}

	@Test
	void startsTheStackServesTheCatalogThroughTheGatewayAndStopsOnCtrlC() throws Exception {
		Ports ports = new Ports(freePort(), freePort(), freePort());
		Path output = this.work.resolve("first-run.txt");

		this.running = start(ports, output, Map.of());
		String printed = awaitReady(this.running, output);

		assertThat(printed).contains("http://localhost:" + ports.gateway() + "/api/catalog/products")
			.contains("http://localhost:" + ports.catalog() + "/swagger-ui.html")
			.contains("http://localhost:" + ports.user() + "/swagger-ui.html")
			.contains("http://localhost:" + ports.gateway() + "/api/auth/login")
			.contains("Admin sign-in: admin@littlethreads.local / ");
		HttpResponse<String> products = get("http://127.0.0.1:" + ports.gateway() + "/api/catalog/products?pageSize=1");
		assertThat(products.statusCode()).isEqualTo(200);
		assertThat(products.body()).contains("\"total\":");
		assertThat(this.work.resolve("run/logs/user-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("run/logs/catalog-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("run/logs/gateway-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("data/catalog.mv")).exists();
		assertThat(this.work.resolve("data/users.mv")).exists();
		String adminPassword = adminPassword(printed);
		Path storedPassword = this.work.resolve("data/admin-password");
		assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(16);
		assertThat(Files.readString(storedPassword).strip()).isEqualTo(adminPassword);
		assertThat(Files.getPosixFilePermissions(storedPassword)).as("only the owner may read the admin password")
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

		signal(this.running, "INT");

		assertThat(this.running.waitFor(60, TimeUnit.SECONDS)).as("the command ends after Ctrl-C").isTrue();
		assertThat(Files.readString(output)).contains("Stopped.");
		assertThat(listening(ports.gateway())).as("gateway port freed").isFalse();
		assertThat(listening(ports.catalog())).as("catalog port freed").isFalse();
		assertThat(listening(ports.user())).as("user port freed").isFalse();

		Path second = this.work.resolve("second-run.txt");
		this.running = start(ports, second, Map.of());
		String printedAgain = awaitReady(this.running, second);
		assertThat(Files.readString(this.work.resolve("run/logs/catalog-service.log")))
			.as("the second start finds the stored catalog instead of loading it again")
			.contains("not loading the sample catalog");
		assertThat(adminPassword(printedAgain)).as("the admin password is made up once and kept")
			.isEqualTo(adminPassword);
		signal(this.running, "TERM");
		assertThat(this.running.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(listening(ports.gateway())).isFalse();
	}

	@Test
	void shopperSignsUpAndInThroughTheGatewayAndTheCatalogChecksTheirRealToken() throws Exception {
		Ports ports = new Ports(freePort(), freePort(), freePort());
		Path output = this.work.resolve("run.txt");
		this.running = start(ports, output, Map.of());
		awaitReady(this.running, output);
		String gateway = "http://127.0.0.1:" + ports.gateway();
		String email = "shopper-" + UUID.randomUUID() + "@example.com";
		String password = "velvet pickle harbour 93";

		HttpResponse<String> registered = post(gateway + "/api/auth/register",
				"{\"email\":\"%s\",\"displayName\":\"Ada\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		HttpResponse<String> signedIn = post(gateway + "/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("lt_refresh=")
				.contains("Path=/api/auth")
				.contains("HttpOnly"));
		Matcher token = ACCESS_TOKEN.matcher(signedIn.body());
		assertThat(token.find()).as(signedIn.body()).isTrue();
		String accessToken = token.group(1);

		HttpResponse<String> me = get(gateway + "/api/users/me", "Authorization", "Bearer " + accessToken);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"email\":\"" + email + "\"");

		HttpResponse<String> asCustomer = get(gateway + "/api/catalog/admin/products", "Authorization",
				"Bearer " + accessToken);
		assertThat(asCustomer.statusCode()).as("a valid shopper's token lacks the ADMIN role: %s", asCustomer.body())
			.isEqualTo(403);
		HttpResponse<String> forged = get(gateway + "/api/catalog/admin/products", "Authorization",
				"Bearer not-a-token-at-all");
		assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);

		String printed = Files.readString(output);
		HttpResponse<String> adminSignedIn = post(gateway + "/api/auth/login",
				"{\"email\":\"admin@littlethreads.local\",\"password\":\"%s\"}".formatted(adminPassword(printed)));
		assertThat(adminSignedIn.statusCode()).as("the printed admin sign-in works: %s", adminSignedIn.body())
			.isEqualTo(200);
		Matcher adminToken = ACCESS_TOKEN.matcher(adminSignedIn.body());
		assertThat(adminToken.find()).isTrue();
		HttpResponse<String> asAdmin = get(gateway + "/api/catalog/admin/products", "Authorization",
				"Bearer " + adminToken.group(1));
		assertThat(asAdmin.statusCode()).as("catalog-service trusts user-service's admin token: %s", asAdmin.body())
			.isEqualTo(200);
	}

	@Test
	void serviceThatCannotStartStopsEverythingAndShowsItsLog() throws Exception {
		Ports ports = new Ports(freePort(), freePort(), freePort());
		Path output = this.work.resolve("failed-run.txt");

		// An invalid shop currency makes catalog-service refuse to start.
		this.running = start(ports, output, Map.of("CATALOG_CURRENCY", "pounds"));

		assertThat(this.running.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(this.running.exitValue()).isNotZero();
		String printed = Files.readString(output);
		assertThat(printed).contains("catalog-service failed to start").contains("currency");
		assertThat(listening(ports.gateway())).as("the gateway is stopped too").isFalse();
		assertThat(listening(ports.user())).as("user-service is stopped too").isFalse();
	}

	private Process start(Ports ports, Path output, Map<String, String> extraEnvironment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("run.sh").toString()).directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("LT_DATA_DIR", this.work.resolve("data").toString());
		environment.put("LT_RUN_DIR", this.work.resolve("run").toString());
		environment.put("GATEWAY_PORT", String.valueOf(ports.gateway()));
		environment.put("USER_PORT", String.valueOf(ports.user()));
		environment.put("CATALOG_PORT", String.valueOf(ports.catalog()));
		// The generated admin password is under test, not one from the caller's shell.
		environment.remove("ADMIN_PASSWORD");
		environment.remove("ADMIN_EMAIL");
		environment.putAll(extraEnvironment);
		return builder.start();
	}

	static String awaitReady(Process process, Path output) throws Exception {
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			String printed = Files.readString(output);
			if (printed.contains("Press Ctrl-C to stop.")) {
				return printed;
			}
			assertThat(process.isAlive()).as("run.sh ended early:%n%s", printed).isTrue();
			Thread.sleep(500);
		}
		throw new AssertionError("run.sh did not report ready within " + STARTUP + ":\n" + Files.readString(output));
	}

	static void signal(Process process, String signal) throws Exception {
		new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
	}

	static String adminPassword(String printed) {
		Matcher signIn = ADMIN_SIGN_IN.matcher(printed);
		assertThat(signIn.find()).as(printed).isTrue();
		assertThat(signIn.group(1)).isEqualTo("admin@littlethreads.local");
		return signIn.group(2);
	}

	static HttpResponse<String> get(String url, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	static HttpResponse<String> post(String url, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	record Ports(int gateway, int user, int catalog) {
	}

}
