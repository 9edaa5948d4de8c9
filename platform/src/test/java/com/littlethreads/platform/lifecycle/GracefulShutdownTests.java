package com.littlethreads.platform.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.testapp.PlatformTestApplication;
import com.littlethreads.platform.testapp.SlowProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service does when it is told to stop (SIGTERM closes the context): its readiness
 * turns DOWN while it still answers, so that whoever routes to it (the gateway's health
 * checks, Kubernetes) stops first; then it takes no new connection (the gateway retries
 * those on another instance), and what it has in flight, a request or a scheduled job,
 * runs to the end rather than being cut off.
 */
@Tag("slow") // starts and stops applications, waits out drains
class GracefulShutdownTests {

	@TempDir
	Path store;

	private ConfigurableApplicationContext service;

	private int port;

	@BeforeEach
	void resetProbe() {
		SlowProbe.reset();
	}

	@AfterEach
	void stop() {
		SlowProbe.release();
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void readinessIsDownWhileTheServiceStillAnswersThenNewConnectionsAreRefusedAndTheRequestInFlightFinishes()
			throws Exception {
		start();
		List<Integer> readinessWhenItTurned = new CopyOnWriteArrayList<>();
		this.service.addApplicationListener((ApplicationListener<AvailabilityChangeEvent<?>>) (event) -> {
			if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
				readinessWhenItTurned.add(readiness().status());
			}
		});
		CompletableFuture<Response> inFlight = CompletableFuture
			.supplyAsync(() -> new TestHttp(this.port).get("/probe/slow"));
		assertThat(SlowProbe.awaitEntered()).isTrue();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(this.service::close);

		awaitRefused();
		assertThat(readinessWhenItTurned).as("readiness answered over HTTP as it turned").containsExactly(503);
		assertThat(inFlight).isNotDone();
		assertThat(stopping).isNotDone();
		SlowProbe.release();
		Response answer = inFlight.get(20, TimeUnit.SECONDS);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("finished");
		stopping.get(20, TimeUnit.SECONDS);
	}

	@Test
	void aScheduledJobRunningWhenTheServiceStopsRunsToTheEnd() throws Exception {
		start("--probe.slow-job=true");
		assertThat(SlowProbe.awaitEntered()).isTrue();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(this.service::close);
		awaitRefused();
		assertThat(stopping).as("the service waits for its job").isNotDone();
		SlowProbe.release();
		stopping.get(20, TimeUnit.SECONDS);

		assertThat(SlowProbe.interrupted()).isFalse();
		assertThat(SlowProbe.finished()).isTrue();
	}

	@Test
	void withADrainDelayAStoppingServiceKeepsTakingNewRequestsWhileItsReadinessIsDown() throws Exception {
		start("--littlethreads.shutdown.drain-delay=3s");
		assertThat(readiness().status()).isEqualTo(200);

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(this.service::close);

		// Each ask on a new connection, as a load balancer's health check makes it: one
		// refused before readiness was seen DOWN fails the test.
		Response readiness = readiness();
		for (int i = 0; i < 200 && readiness.status() == 200; i++) {
			Thread.sleep(10);
			readiness = readiness();
		}
		assertThat(readiness.status()).as("readiness while draining").isEqualTo(503);
		assertThat(new TestHttp(this.port).get("/probe/items").status()).as("a new request while draining")
			.isEqualTo(200);
		awaitRefused();
		stopping.get(20, TimeUnit.SECONDS);
	}

	private void start(String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mongodb.database=probe",
				"--littlethreads.embedded-mongo.enabled=true",
				"--littlethreads.embedded-mongo.data-directory=" + this.store));
		args.addAll(List.of(more));
		this.service = new SpringApplicationBuilder(PlatformTestApplication.class).run(args.toArray(String[]::new));
		this.port = Integer.parseInt(this.service.getEnvironment().getProperty("local.server.port"));
	}

	private Response readiness() {
		return new TestHttp(this.port).get("/actuator/health/readiness");
	}

	/**
	 * Waits (up to 20 seconds) until the service's port refuses connections.
	 */
	private void awaitRefused() throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			}
			catch (ConnectException ex) {
				return;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("port " + this.port + " still accepts connections");
	}

}
