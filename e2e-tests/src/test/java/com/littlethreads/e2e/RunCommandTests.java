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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command as a newcomer uses it: it starts the stack on the embedded
 * store, says where to look once everything is healthy, keeps data across restarts, stops
 * everything on Ctrl-C, and gives up loudly when a service cannot start. The services'
 * jars are built by the reactor before this module, so the command finds them fresh.
 */
class RunCommandTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Duration STARTUP = Duration.ofMinutes(3);

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
		Ports ports = new Ports(freePort(), freePort());
		Path output = this.work.resolve("first-run.txt");

		this.running = start(ports, output, Map.of());
		String printed = awaitReady(this.running, output);

		assertThat(printed).contains("http://localhost:" + ports.gateway() + "/api/catalog/products")
			.contains("http://localhost:" + ports.catalog() + "/swagger-ui.html");
		HttpResponse<String> products = get("http://127.0.0.1:" + ports.gateway() + "/api/catalog/products?pageSize=1");
		assertThat(products.statusCode()).isEqualTo(200);
		assertThat(products.body()).contains("\"total\":");
		assertThat(this.work.resolve("run/logs/catalog-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("run/logs/gateway-service.log")).isNotEmptyFile();
		assertThat(this.work.resolve("data/catalog.mv")).exists();

		signal(this.running, "INT");

		assertThat(this.running.waitFor(60, TimeUnit.SECONDS)).as("the command ends after Ctrl-C").isTrue();
		assertThat(Files.readString(output)).contains("Stopped.");
		assertThat(listening(ports.gateway())).as("gateway port freed").isFalse();
		assertThat(listening(ports.catalog())).as("catalog port freed").isFalse();

		Path second = this.work.resolve("second-run.txt");
		this.running = start(ports, second, Map.of());
		awaitReady(this.running, second);
		assertThat(Files.readString(this.work.resolve("run/logs/catalog-service.log")))
			.as("the second start finds the stored catalog instead of loading it again")
			.contains("not loading the sample catalog");
		signal(this.running, "TERM");
		assertThat(this.running.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(listening(ports.gateway())).isFalse();
	}

	@Test
	void serviceThatCannotStartStopsEverythingAndShowsItsLog() throws Exception {
		Ports ports = new Ports(freePort(), freePort());
		Path output = this.work.resolve("failed-run.txt");

		// An invalid shop currency makes catalog-service refuse to start.
		this.running = start(ports, output, Map.of("CATALOG_CURRENCY", "pounds"));

		assertThat(this.running.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(this.running.exitValue()).isNotZero();
		String printed = Files.readString(output);
		assertThat(printed).contains("catalog-service failed to start").contains("currency");
		assertThat(listening(ports.gateway())).as("the gateway is stopped too").isFalse();
	}

	private Process start(Ports ports, Path output, Map<String, String> extraEnvironment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("run.sh").toString()).directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("LT_DATA_DIR", this.work.resolve("data").toString());
		environment.put("LT_RUN_DIR", this.work.resolve("run").toString());
		environment.put("GATEWAY_PORT", String.valueOf(ports.gateway()));
		environment.put("CATALOG_PORT", String.valueOf(ports.catalog()));
		environment.putAll(extraEnvironment);
		return builder.start();
	}

	private static String awaitReady(Process process, Path output) throws Exception {
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

	private static void signal(Process process, String signal) throws Exception {
		new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
	}

	private static HttpResponse<String> get(String url) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	record Ports(int gateway, int catalog) {
	}

}
