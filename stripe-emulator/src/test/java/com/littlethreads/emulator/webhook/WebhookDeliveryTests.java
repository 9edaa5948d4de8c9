package com.littlethreads.emulator.webhook;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookDeliveryTests extends EmulatorIntegrationTest {

	@Autowired
	WebhookEvents events;

	@Test
	void failedDeliveriesAreRetriedUntilTheReceiverAccepts() throws Exception {
		Session session = createSession();
		String scenario = "flaky-" + session.getId();
		receiver.stubFor(post(urlEqualTo("/webhook")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.data.object.id", equalTo(session.getId())))
			.inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("failed once"));
		receiver.stubFor(post(urlEqualTo("/webhook")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.data.object.id", equalTo(session.getId())))
			.inScenario(scenario)
			.whenScenarioStateIs("failed once")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("failed twice"));

		stripe().v1().checkout().sessions().expire(session.getId());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.events.deliveries()
				.stream()
				.anyMatch((delivery) -> delivery.objectId().equals(session.getId())
						&& delivery.state() == Delivery.State.DELIVERED));
		List<LoggedRequest> attempts = webhookRequests("checkout.session.expired", session.getId());
		assertThat(attempts).hasSize(3);
		List<String> eventIds = attempts.stream().map((attempt) -> verify(attempt).getId()).distinct().toList();
		assertThat(eventIds).hasSize(1);
		assertThat(this.events.delivery(eventIds.get(0))).hasValueSatisfying((delivery) -> {
			assertThat(delivery.attempts()).isEqualTo(3);
			assertThat(delivery.lastResult()).isEqualTo("HTTP 200");
		});
	}

	@Test
	void deliveryIsAbandonedAfterTheConfiguredAttempts() throws Exception {
		Session session = createSession();
		receiver.stubFor(post(urlEqualTo("/webhook")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.data.object.id", equalTo(session.getId())))
			.willReturn(aResponse().withStatus(503)));

		stripe().v1().checkout().sessions().expire(session.getId());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.events.deliveries()
				.stream()
				.anyMatch((delivery) -> delivery.objectId().equals(session.getId())
						&& delivery.state() == Delivery.State.FAILED));
		assertThat(webhookRequests("checkout.session.expired", session.getId())).hasSize(4);
		assertThat(this.events.deliveries()).filteredOn((delivery) -> delivery.objectId().equals(session.getId()))
			.singleElement()
			.satisfies((delivery) -> {
				assertThat(delivery.attempts()).isEqualTo(4);
				assertThat(delivery.lastResult()).isEqualTo("HTTP 503");
			});
	}

	@Test
	void eachAttemptIsSignedOverTheExactBody() throws Exception {
		Session session = createSession();

		stripe().v1().checkout().sessions().expire(session.getId());

		Event event = awaitEvent("checkout.session.expired", session.getId());
		LoggedRequest request = webhookRequests("checkout.session.expired", session.getId()).get(0);
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getHeader("Stripe-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
		assertThat(event.getType()).isEqualTo("checkout.session.expired");
		assertThat(event.getPendingWebhooks()).isEqualTo(1L);
		String tampered = request.getBodyAsString().replace("\"expired\"", "\"complete\"");
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(com.stripe.exception.SignatureVerificationException.class)
			.isThrownBy(() -> Webhook.constructEvent(tampered, request.getHeader("Stripe-Signature"), WEBHOOK_SECRET));
	}

	private static Event verify(LoggedRequest request) {
		try {
			return Webhook.constructEvent(request.getBodyAsString(), request.getHeader("Stripe-Signature"),
					WEBHOOK_SECRET);
		}
		catch (com.stripe.exception.SignatureVerificationException ex) {
			throw new AssertionError(ex);
		}
	}

}
