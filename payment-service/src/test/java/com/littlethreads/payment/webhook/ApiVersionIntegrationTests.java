package com.littlethreads.payment.webhook;

import com.stripe.Stripe;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.OrderStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events rendered for another API version than stripe-java's (an endpoint created with
 * another version, {@code stripe listen}, or {@code GET /v1/events}, which answers in the
 * account's default version): stripe-java reads no object from them, and the fields of
 * another version's object may mean other things. They are applied from the object as
 * Stripe shows it in stripe-java's version, or refused, recorded and logged; never
 * dropped in silence.
 */
@PaymentServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ApiVersionIntegrationTests extends PaymentHttpTest {

	private static final String OTHER_VERSION = "2020-08-27";

	private String orderId;

	@BeforeEach
	void pendingOrder() {
		this.orderId = placeGuestOrder().json().get("orderId").asString();
	}

	@Test
	void eventOfAnotherVersionIsAppliedAsStripeShowsItsObjectInOurs() {
		// What the other version's object says is not read: it is asked of Stripe again.
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.withHeader("Stripe-Version", equalTo(Stripe.API_VERSION))
			.willReturn(okJson(session("cs_test_1", "complete", "paid", this.orderId))));
		String payload = event("evt_v1", "checkout.session.completed",
				session("cs_test_1", "complete", "unpaid", this.orderId), OTHER_VERSION);

		assertThat(deliver(payload).status()).isEqualTo(200);

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		Document recorded = received("evt_v1");
		assertThat(recorded.getString("outcome")).isEqualTo("APPLIED");
		assertThat(recorded.getString("apiVersion")).isEqualTo(OTHER_VERSION);
	}

	@Test
	void eventOfOurVersionIsAppliedWithoutAskingStripe() {
		deliver(event("evt_v2", "checkout.session.completed", session("cs_test_1", "complete", "paid", this.orderId)));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		wiremock.verify(exactly(0), getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_test_1")));
	}

	@Test
	void eventOfAnotherVersionWhoseObjectStripeNoLongerHasIsRefusedRecordedAndLogged(CapturedOutput output) {
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "session",
					 "message": "No such checkout.session: 'cs_test_1'"}}""")));

		assertThat(deliver(event("evt_v3", "checkout.session.completed",
				session("cs_test_1", "complete", "paid", this.orderId), OTHER_VERSION))
			.status()).isEqualTo(200);

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		Document recorded = received("evt_v3");
		assertThat(recorded.getString("outcome")).isEqualTo("REFUSED");
		assertThat(recorded.getString("detail")).contains("404").contains("resource_missing");
		assertThat(output).contains("evt_v3").contains("refused");
	}

	@Test
	void eventOfAnotherVersionIsAskedAgainWhileStripeCannotAnswer() {
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Try again later.\"}}")));
		String payload = event("evt_v4", "checkout.session.completed",
				session("cs_test_1", "complete", "paid", this.orderId), OTHER_VERSION);

		assertThat(deliver(payload).status()).isEqualTo(503);
		assertThat(this.mongo.findById("evt_v4", Document.class, "stripe_events")).isNull();
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "complete", "paid", this.orderId))));

		assertThat(deliver(payload).status()).isEqualTo(200);
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
	}

	private Document received(String eventId) {
		Document recorded = this.mongo.findById(eventId, Document.class, "stripe_events");
		assertThat(recorded).as("event %s recorded", eventId).isNotNull();
		return recorded;
	}

}
