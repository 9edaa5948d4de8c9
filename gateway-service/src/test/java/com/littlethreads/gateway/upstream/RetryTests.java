package com.littlethreads.gateway.upstream;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.GatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads are retried on a 503 or a failed connection. Writes are retried only when the
 * connection was refused, which proves they never arrived; after that the first attempt
 * may already have changed something.
 */
@Tag("slow") // two upstream instances, re-checked every 2 s
@GatewayTest
class RetryTests {

	private static final String READINESS = "/actuator/health/readiness";

	@RegisterExtension
	static WireMockExtension catalog = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/**
	 * Not cleared between tests: its readiness answer, stubbed once below, must outlive
	 * the first test, or the next health check unlists it (the checkout test then waited
	 * in vain whenever it ran more than one check interval after start-up).
	 */
	@RegisterExtension
	static WireMockExtension payments = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.resetOnEachTest(false)
		.build();

	/**
	 * A second payment-service instance, killed by the test that needs it. Nothing else
	 * here may use payment-service: after that test it has one instance left.
	 */
	static final WireMockServer doomed = started();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		payments.stubFor(get(urlEqualTo(READINESS)).willReturn(okJson("{\"status\":\"UP\"}")));
		doomed.stubFor(get(urlEqualTo(READINESS)).willReturn(okJson("{\"status\":\"UP\"}")));
		registry.add("littlethreads.routes.catalog-uris", catalog::baseUrl);
		registry.add("littlethreads.routes.payment-uris", () -> payments.baseUrl() + "," + doomed.baseUrl());
		// Asked every 2 s: an instance killed a moment ago is still listed (the checkouts
		// below follow its kill at once), and one whose first check came too early on a
		// busy machine is listed by the next check rather than an hour later.
		registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "2s");
	}

	WebTestClient client;

	// Longer than the default 5 s: on a loaded machine a retried request with its
	// back-off can take longer, and that is not what these tests are about. A connection
	// per request, not Reactor Netty's shared pool: a connection another test class left
	// in it (one whose upstream reset the connection) hung these requests for 30 s.
	@Autowired
	void client(@LocalServerPort int port) {
		this.client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void readAnsweredServiceUnavailableOnceSucceedsOnTheRetry() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/products")).inScenario("restarting")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(serviceUnavailable())
			.willSetStateTo("up"));
		catalog.stubFor(get(urlEqualTo("/api/catalog/products")).inScenario("restarting")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"items\":[]}")));

		this.client.get()
			.uri("/api/catalog/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"items\":[]}");
		catalog.verify(2, getRequestedFor(urlEqualTo("/api/catalog/products")));
	}

	@Test
	void serverErrorOtherThanServiceUnavailableIsNotRetried() {
		catalog.stubFor(get(urlEqualTo("/api/catalog/broken")).willReturn(serverError()));

		this.client.get().uri("/api/catalog/broken").exchange().expectStatus().isEqualTo(500);
		catalog.verify(1, getRequestedFor(urlEqualTo("/api/catalog/broken")));
	}

	@Test
	void postAnsweredServiceUnavailableIsNeverRetried() {
		catalog.stubFor(post(urlEqualTo("/api/catalog/admin/products")).willReturn(serviceUnavailable()));

		this.client.post()
			.uri("/api/catalog/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"slug\":\"striped-tee\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		catalog.verify(1, postRequestedFor(urlEqualTo("/api/catalog/admin/products")));
	}

	@Test
	void writeRefusedByAnInstanceThatJustDiedIsSentWithItsBodyToTheLiveOne() {
		payments.stubFor(post(urlEqualTo("/api/checkout"))
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{}")));
		awaitBothPaymentInstancesListed();
		// Killed after the load balancer's last health check: it still lists the
		// instance.
		doomed.stop();

		for (int i = 0; i < 4; i++) {
			this.client.post()
				.uri("/api/checkout")
				.header("Idempotency-Key", "checkout-key-" + i)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"lines\":[" + i + "]}")
				.exchange()
				.expectStatus()
				.isCreated();
		}

		// Round-robin over two instances: half the checkouts met the dead one, whose
		// refusal proves they never arrived; each reached the live one exactly once.
		for (int i = 0; i < 4; i++) {
			payments.verify(1,
					postRequestedFor(urlEqualTo("/api/checkout"))
						.withHeader("Idempotency-Key", equalTo("checkout-key-" + i))
						.withRequestBody(equalToJson("{\"lines\":[" + i + "]}")));
		}
	}

	@Test
	void writeWhoseConnectionBrokeAfterItWasSentIsNotRetried() {
		catalog.stubFor(post(urlEqualTo("/api/catalog/admin/products"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		this.client.post()
			.uri("/api/catalog/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"slug\":\"striped-tee\"}")
			.exchange()
			.expectStatus()
			.is5xxServerError();
		catalog.verify(1, postRequestedFor(urlEqualTo("/api/catalog/admin/products")));
	}

	private static WireMockServer started() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	/**
	 * Reads until each payment-service instance has served one: both are listed.
	 */
	private void awaitBothPaymentInstancesListed() {
		payments.stubFor(get(urlEqualTo("/api/orders/o-1")).willReturn(okJson("{}")));
		doomed.stubFor(get(urlEqualTo("/api/orders/o-1")).willReturn(okJson("{}")));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (payments.findAll(getRequestedFor(urlEqualTo("/api/orders/o-1"))).isEmpty()
				|| doomed.findAll(getRequestedFor(urlEqualTo("/api/orders/o-1"))).isEmpty()) {
			assertThat(Instant.now()).as("the gateway lists both instances").isBefore(deadline);
			this.client.get().uri("/api/orders/o-1").exchange().expectStatus().isOk();
		}
	}

}
