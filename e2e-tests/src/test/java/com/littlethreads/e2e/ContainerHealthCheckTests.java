package com.littlethreads.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health probe built into every Spring service image (docker/healthcheck), run
 * exactly as docker-compose.yml runs it: healthy only while the service's readiness
 * endpoint, on the port the service listens on, answers 2xx.
 */
class ContainerHealthCheckTests {

	@TempDir
	static Path classes;

	private static List<String> command;

	private HttpServer server;

	private final AtomicInteger readinessStatus = new AtomicInteger(200);

	private final AtomicReference<String> requestedPath = new AtomicReference<>();

	@BeforeAll
	static void compileTheProbeAndReadItsCommand() throws IOException {
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		int result = javac.run(null, null, null, "-d", classes.toString(),
				ComposeFile.ROOT.resolve("docker/healthcheck/HealthCheck.java").toString());
		assertThat(result).as("javac HealthCheck.java").isZero();
		List<Object> test = ComposeFile
			.list(ComposeFile.map(ComposeFile.load().service("user-service").get("healthcheck")).get("test"));
		command = new ArrayList<>();
		for (Object word : test.subList(1, test.size())) {
			String argument = String.valueOf(word);
			command.add(switch (argument) {
				case "java" -> Path.of(System.getProperty("java.home"), "bin", "java").toString();
				case "/opt/healthcheck" -> classes.toString();
				default -> argument;
			});
		}
		assertThat(test.get(0)).isEqualTo("CMD");
	}

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void healthyWhenReadinessAnswersOk() throws Exception {
		int port = startService();

		assertThat(probe(port)).isZero();
		assertThat(this.requestedPath.get()).isEqualTo("/actuator/health/readiness");
	}

	@Test
	void asksActuatorsOwnPortWhenTheServiceHasOne() throws Exception {
		int managementPort = startService();

		assertThat(probe(
				Map.of("PORT", String.valueOf(unusedPort()), "MANAGEMENT_SERVER_PORT", String.valueOf(managementPort))))
			.isZero();
	}

	@Test
	void asksTheConfiguredPath() throws Exception {
		int port = startService();

		assertThat(probe(Map.of("PORT", String.valueOf(port), "HEALTHCHECK_PATH", "/actuator/health"))).isZero();
		assertThat(this.requestedPath.get()).isEqualTo("/actuator/health");
	}

	@Test
	void unhealthyWhenReadinessIsDown() throws Exception {
		int port = startService();
		this.readinessStatus.set(503);

		assertThat(probe(port)).isEqualTo(1);
	}

	@Test
	void unhealthyWhileNothingListensYet() throws Exception {
		assertThat(probe(unusedPort())).isEqualTo(1);
	}

	@Test
	void unhealthyWhenTheServiceRedirects() throws Exception {
		int port = startService();
		this.readinessStatus.set(302);

		assertThat(probe(port)).isEqualTo(1);
	}

	private static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private int startService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.requestedPath.set(exchange.getRequestURI().getPath());
			byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Location", "/elsewhere");
			exchange.sendResponseHeaders(this.readinessStatus.get(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
		return this.server.getAddress().getPort();
	}

	private int probe(int port) throws Exception {
		return probe(Map.of("PORT", String.valueOf(port)));
	}

	private int probe(Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment()
			.keySet()
			.removeAll(List.of("PORT", "MANAGEMENT_SERVER_PORT", "HEALTHCHECK_PATH", "JAVA_TOOL_OPTIONS"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the probe finished").isTrue();
		return process.exitValue();
	}

}
