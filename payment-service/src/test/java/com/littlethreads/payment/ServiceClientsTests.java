package com.littlethreads.payment;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Calls to a service with two instances, as run.sh's two-instance mode starts them:
 * spread over both, and a call refused by an instance that just died goes to the other
 * one, a stock reservation included, exactly once.
 */
class ServiceClientsTests {

	private final WireMockServer first = new WireMockServer(wireMockConfig().dynamicPort());

	private final WireMockServer second = new WireMockServer(wireMockConfig().dynamicPort());

	private RestClient catalog;

	@BeforeEach
	void twoInstances() {
		this.first.start();
		this.second.start();
		this.catalog = ServiceClients
			.builder(RestClient.builder(), List.of(URI.create(this.first.baseUrl()), URI.create(this.second.baseUrl())),
					properties())
			.build();
	}

	@AfterEach
	void stop() {
		this.first.stop();
		this.second.stop();
	}

	@Test
	void callsAreSpreadOverBothInstances() {
		this.first.stubFor(get(urlEqualTo("/internal/prices?sku=a")).willReturn(okJson("{}")));
		this.second.stubFor(get(urlEqualTo("/internal/prices?sku=a")).willReturn(okJson("{}")));

		for (int i = 0; i < 4; i++) {
			this.catalog.get().uri("/internal/prices?sku=a").retrieve().toBodilessEntity();
		}

		this.first.verify(2, getRequestedFor(urlEqualTo("/internal/prices?sku=a")));
		this.second.verify(2, getRequestedFor(urlEqualTo("/internal/prices?sku=a")));
	}

	@Test
	void reservationRefusedByADeadInstanceReachesTheOtherOnceWithItsBody() {
		this.second.stubFor(post(urlEqualTo("/internal/reservations")).willReturn(okJson("{}")));
		this.first.stop();

		for (int i = 0; i < 4; i++) {
			this.catalog.post()
				.uri("/internal/reservations")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"order\":\"o-" + i + "\"}")
				.retrieve()
				.toBodilessEntity();
		}

		for (int i = 0; i < 4; i++) {
			this.second.verify(1, postRequestedFor(urlEqualTo("/internal/reservations"))
				.withRequestBody(equalToJson("{\"order\":\"o-" + i + "\"}")));
		}
	}

	@Test
	void reservationWhoseConnectionBrokeAfterItWasSentIsNotSentAgain() {
		this.first.stubFor(post(urlEqualTo("/internal/reservations"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		this.second.stubFor(post(urlEqualTo("/internal/reservations")).willReturn(okJson("{}")));

		// The first call goes to the first instance.
		assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> this.catalog.post()
			.uri("/internal/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"order\":\"o-1\"}")
			.retrieve()
			.toBodilessEntity());

		this.first.verify(1, postRequestedFor(urlEqualTo("/internal/reservations")));
		this.second.verify(0, postRequestedFor(urlEqualTo("/internal/reservations")));
	}

	@Test
	void withEveryInstanceGoneTheCallFails() {
		this.first.stop();
		this.second.stop();

		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> this.catalog.get().uri("/internal/prices?sku=a").retrieve().toBodilessEntity());
	}

	private static PaymentProperties properties() {
		return new PaymentProperties(URI.create("http://localhost:8080"), List.of(URI.create("http://127.0.0.1:1")),
				List.of(URI.create("http://127.0.0.1:1")), "secret", Duration.ofMinutes(31), Duration.ofMinutes(5),
				Duration.ofSeconds(60), Duration.ofHours(72), Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

}
