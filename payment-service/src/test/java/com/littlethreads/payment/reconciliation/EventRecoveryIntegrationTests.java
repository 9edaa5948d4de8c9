package com.littlethreads.payment.reconciliation;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Missed webhooks come back through Stripe's documented recovery: each reconciliation
 * pass lists {@code GET /v1/events} from the last event it processed and applies what was
 * missed, once, oldest first.
 */
@PaymentServiceTest
class EventRecoveryIntegrationTests extends PaymentHttpTest {

	@Autowired
	Reconciliation reconciliation;

	private String orderId;

	@BeforeEach
	void pendingOrder() {
		this.orderId = placeGuestOrder().json().get("orderId").asString();
	}

	@Test
	void missedPaymentIsAppliedWithinOnePass() {
		// Still within its session, so asking about the session would not find it yet.
		stubFirstWalk(completed("evt_1"));

		this.reconciliation.reconcile();

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.stockCommitted()).isTrue();
		LoggedRequest listed = wiremock.findAll(getRequestedFor(urlPathEqualTo("/v1/events"))).get(0);
		assertThat(listed.queryParameter("created[gte]").isPresent()).isTrue();
		assertThat(listed.getUrl()).contains("checkout.session.completed").contains("refund.failed");
	}

	@Test
	void missedRefundFailureIsApplied() {
		deliver(completed("evt_paid"));
		deliver(event("evt_r1", "refund.created", refund("re_1", 2400, "succeeded")));
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.REFUNDED);
		stubFirstWalk(event("evt_r2", "refund.failed",
				refund("re_1", 2400, "failed", "pi_cs_test_1", "expired_or_canceled_card")));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		assertThat(order(this.orderId).attentionReason()).isEqualTo("refund-failed");
	}

	@Test
	void nextPassListsOnlyWhatCameAfterTheLastEventProcessedAndAppliesItOldestFirst() {
		stubFirstWalk(event("evt_a", "customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}"));
		this.reconciliation.reconcile();
		// Newest first, as Stripe lists: the refund is only found once the payment is.
		wiremock.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("ending_before", equalTo("evt_a"))
			.willReturn(okJson(eventList(false, event("evt_c", "refund.created", refund("re_1", 2400, "succeeded")),
					completed("evt_b")))));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.REFUNDED);
		wiremock.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("ending_before", equalTo("evt_c"))
			.willReturn(okJson(eventList(false))));
		this.reconciliation.reconcile();
		wiremock.verify(exactly(1),
				getRequestedFor(urlPathEqualTo("/v1/events")).withQueryParam("ending_before", equalTo("evt_c")));
	}

	@Test
	void walkFollowsEveryPage() {
		stubFirstWalk(event("evt_a", "customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}"));
		this.reconciliation.reconcile();
		wiremock.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("ending_before", equalTo("evt_a"))
			.willReturn(okJson(eventList(true, completed("evt_b")))));
		wiremock.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("ending_before", equalTo("evt_b"))
			.willReturn(okJson(eventList(false, event("evt_c", "refund.created", refund("re_1", 1200, "succeeded"))))));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
	}

	@Test
	void cursorStripeNoLongerKeepsFallsBackToListingByTime() {
		stubFirstWalk(event("evt_old", "customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}"));
		this.reconciliation.reconcile();
		wiremock.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("ending_before", equalTo("evt_old"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "ending_before",
					 "message": "No such event: 'evt_old'"}}""")));
		stubFirstWalk(completed("evt_1"));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void eventAlreadyDeliveredByWebhookIsNotAppliedAgain() {
		deliver(completed("evt_1"));
		stubFirstWalk(completed("evt_1"));

		this.reconciliation.reconcile();

		wiremock.verify(exactly(1),
				postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + this.orderId + "/commit")));
	}

	@Test
	void eventThatCannotBeAppliedYetIsTriedAgainOnTheNextPass() {
		wiremock.stubFor(post("/internal/inventory/reservations/" + this.orderId + "/commit")
			.willReturn(aResponse().withStatus(503)));
		stubFirstWalk(completed("evt_1"));
		this.reconciliation.reconcile();
		assertThat(this.mongo.findById("evt_1", Document.class, "stripe_events")).isNull();
		wiremock.stubFor(post("/internal/inventory/reservations/" + this.orderId + "/commit")
			.willReturn(okJson("{\"status\": \"COMMITTED\"}")));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).stockCommitted()).isTrue();
		assertThat(this.mongo.findById("evt_1", Document.class, "stripe_events").getString("via"))
			.isEqualTo("events-api");
	}

	@Test
	void stripeDownLeavesTheWalkForTheNextPass() {
		wiremock.stubFor(get(urlPathEqualTo("/v1/events")).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Try again later.\"}}")));
		this.reconciliation.reconcile();
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		stubFirstWalk(completed("evt_1"));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
	}

	private String completed(String eventId) {
		return event(eventId, "checkout.session.completed", session("cs_test_1", "complete", "paid", this.orderId));
	}

	/**
	 * The first walk has no event to start after: it lists what was created lately.
	 */
	private static void stubFirstWalk(String... events) {
		wiremock.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("ending_before", absent())
			.willReturn(okJson(eventList(false, events))));
	}

	private static String eventList(boolean hasMore, String... events) {
		return "{\"object\": \"list\", \"url\": \"/v1/events\", \"has_more\": " + hasMore + ", \"data\": ["
				+ String.join(",", List.of(events)) + "]}";
	}

}
