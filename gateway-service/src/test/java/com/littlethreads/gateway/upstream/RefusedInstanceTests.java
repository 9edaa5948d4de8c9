package com.littlethreads.gateway.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import com.littlethreads.gateway.GatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance killed while its readiness check still lists it. Many reads at once, each
 * retried up to twice: round-robin alone would let other requests take the live
 * instance's turns until some read met the dead one three times and was answered 503. The
 * first refusal sets the dead instance aside, and every read is answered by the live one.
 */
@GatewayTest
class RefusedInstanceTests {

	private static final String READINESS = "/actuator/health/readiness";

	private static final String ORDERS = "/api/orders?page=0";

	@RegisterExtension
	static WireMockExtension live = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.resetOnEachTest(false)
		.build();

	static final WireMockServer doomed = new WireMockServer(wireMockConfig().dynamicPort());

	@DynamicPropertySource
	static void twoPaymentInstancesCheckedOnlyAtStart(DynamicPropertyRegistry registry) {
		doomed.start();
		live.stubFor(get(urlEqualTo(READINESS)).willReturn(okJson("{\"status\":\"UP\"}")));
		doomed.stubFor(get(urlEqualTo(READINESS)).willReturn(okJson("{\"status\":\"UP\"}")));
		registry.add("littlethreads.routes.payment-uris", () -> live.baseUrl() + "," + doomed.baseUrl());
		// Both listed by the check at start, and not asked again while the test runs: the
		// dead instance stays listed throughout, as in the seconds before a check.
		registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "1h");
		// Longer than the test can take on a loaded machine, so that the last check still
		// finds the dead instance set aside.
		registry.add("littlethreads.routes.refused-instance-pause", () -> "10m");
	}

	@Autowired
	LoadBalancerClientFactory loadBalancers;

	@LocalServerPort
	int port;

	@Test
	void concurrentReadsRightAfterAnInstanceDiesAreAllAnsweredByTheLiveOne() {
		live.stubFor(get(urlEqualTo(ORDERS)).willReturn(okJson("{\"items\":[]}")));
		doomed.stubFor(get(urlEqualTo(ORDERS)).willReturn(okJson("{\"items\":[]}")));
		awaitBothListed();
		int doomedPort = doomed.port();
		doomed.stop();

		WebClient client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
			.baseUrl("http://localhost:" + this.port)
			.build();
		List<Integer> statuses = Flux.range(0, 40)
			.flatMap(
					(i) -> client.get()
						.uri(ORDERS)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					8)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(statuses).hasSize(40).containsOnly(200);
		live.verify(40, getRequestedFor(urlEqualTo(ORDERS)));
		assertThat(checkedPorts()).as("still listed by its readiness check")
			.containsExactlyInAnyOrder(live.getPort(), doomedPort);
		assertThat(candidatePorts()).as("the instance that refused is set aside").containsExactly(live.getPort());
	}

	/**
	 * The check at start lists each instance as it answers: wait for the second.
	 */
	private void awaitBothListed() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (checkedPorts().size() < 2) {
			assertThat(Instant.now()).as("the gateway lists both instances").isBefore(deadline);
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
		assertThat(checkedPorts()).containsExactlyInAnyOrder(live.getPort(), doomed.port());
	}

	private List<Integer> checkedPorts() {
		ServiceInstanceListSupplier checked = this.loadBalancers.getInstance(UpstreamProperties.PAYMENT_SERVICE,
				ServiceInstanceListSupplier.class);
		return ports(checked.get().blockFirst());
	}

	private List<Integer> candidatePorts() {
		return ports(this.loadBalancers.getInstance(UpstreamProperties.PAYMENT_SERVICE, ReachableInstances.class)
			.candidates());
	}

	private static List<Integer> ports(List<ServiceInstance> instances) {
		return instances.stream().map(ServiceInstance::getPort).toList();
	}

}
