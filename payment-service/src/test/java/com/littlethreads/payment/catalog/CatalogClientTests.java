package com.littlethreads.payment.catalog;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.TestSocketUtils;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import com.littlethreads.payment.PaymentProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalog client on its own, against user-service and catalog-service stubbed at the
 * HTTP level: run.sh's two-instance mode, a token answer with fields this service does
 * not know (a newer user-service), and catalog's problem types.
 */
class CatalogClientTests {

	private final WireMockServer services = new WireMockServer(wireMockConfig().dynamicPort());

	@BeforeEach
	void start() {
		this.services.start();
		this.services.stubFor(post("/oauth2/token").willReturn(okJson("""
				{"access_token": "service-token-1", "token_type": "Bearer", "expires_in": 300,
				 "scope": "inventory:reserve", "issued_token_type": "urn:ietf:params:oauth:token-type:jwt"}""")));
	}

	@AfterEach
	void stop() {
		this.services.stop();
	}

	@Test
	void tokenEndpointThatRefusesTheConnectionIsAskedAtTheNextUserServiceInstance() {
		CatalogClient catalog = client(List.of(deadInstance(), URI.create(this.services.baseUrl())));
		this.services.stubFor(post("/internal/inventory/reservations/ord_1/commit").willReturn(okJson("{}")));

		catalog.commit("ord_1");

		this.services.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
		this.services.verify(postRequestedFor(urlEqualTo("/internal/inventory/reservations/ord_1/commit"))
			.withHeader("Authorization", equalTo("Bearer service-token-1")));
	}

	@Test
	void catalogsProblemTypesAreRecognisedByTheirWholeUriNotTheirEnding() {
		CatalogClient catalog = client(List.of(URI.create(this.services.baseUrl())));

		releaseAnswers("https://littlethreads.shop/problems/reservation-committed");
		assertThatExceptionOfType(ReservationCommittedException.class).isThrownBy(() -> catalog.release("ord_1"));
		releaseAnswers("https://example.com/problems/reservation-committed");
		assertThatExceptionOfType(HttpClientErrorException.Conflict.class).isThrownBy(() -> catalog.release("ord_1"));
	}

	private void releaseAnswers(String problemType) {
		this.services
			.stubFor(post("/internal/inventory/reservations/ord_1/release").willReturn(aResponse().withStatus(409)
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\": \"" + problemType + "\", \"status\": 409}")));
	}

	private CatalogClient client(List<URI> userInstances) {
		PaymentProperties properties = new PaymentProperties(URI.create("http://localhost:8080"),
				List.of(URI.create(this.services.baseUrl())), userInstances, "secret", Duration.ofMinutes(31),
				Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofHours(72), Duration.ofSeconds(2),
				Duration.ofSeconds(5));
		return new CatalogClientConfiguration().catalogClient(RestClient.builder(), properties,
				Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC));
	}

	/** A port nothing listens on: connections to it are refused. */
	private static URI deadInstance() {
		return URI.create("http://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort());
	}

}
