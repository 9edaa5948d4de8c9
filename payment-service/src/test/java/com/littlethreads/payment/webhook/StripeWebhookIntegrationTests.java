package com.littlethreads.payment.webhook;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's events as Stripe delivers them: signed over the raw body, possibly repeated,
 * late or out of order.
 */
@PaymentServiceTest
class StripeWebhookIntegrationTests extends PaymentHttpTest {

	private String orderId;

	@BeforeEach
	void pendingOrder() {
		this.orderId = placeGuestOrder().json().get("orderId").asString();
	}

	@Test
	void completedAndPaidSessionMakesTheOrderPaidAndCommitsItsStock() {
		Response response = deliver(completed("evt_1"));

		assertThat(response.status()).isEqualTo(200);
		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.paidAt()).isNotNull();
		assertThat(order.paymentIntentId()).isEqualTo("pi_cs_test_1");
		assertThat(order.stockCommitted()).isTrue();
		wiremock.verify(exactly(1), postRequestedFor(commit()));
	}

	@Test
	void forgedSignatureIsRejectedAndChangesNothing() {
		String payload = completed("evt_forged");
		String forged = signature(payload).replaceAll("v1=[0-9a-f]{4}", "v1=0000");

		Response response = this.http.send("POST", "/api/payments/stripe/webhook", payload, "Content-Type",
				"application/json", "Stripe-Signature", forged);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "invalid-signature");
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		wiremock.verify(exactly(0), postRequestedFor(commit()));
	}

	@Test
	void signatureOverAnotherBodyIsRejected() {
		String signed = completed("evt_a");
		String tampered = signed.replace("\"paid\"", "\"paid\" ");

		Response response = this.http.send("POST", "/api/payments/stripe/webhook", tampered, "Content-Type",
				"application/json", "Stripe-Signature", signature(signed));

		assertThat(response.status()).isEqualTo(400);
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
	}

	@Test
	void missingSignatureIsRejectedAndChangesNothing() {
		Response response = this.http.send("POST", "/api/payments/stripe/webhook", completed("evt_2"), "Content-Type",
				"application/json");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
	}

	@Test
	void staleSignatureIsRejected() {
		String payload = completed("evt_old");
		String signature = signature(payload);
		this.clock.advance(minutes(6));

		Response response = this.http.send("POST", "/api/payments/stripe/webhook", payload, "Content-Type",
				"application/json", "Stripe-Signature", signature);

		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void sameEventThreeTimesIsAppliedOnce() {
		String payload = completed("evt_3");

		for (int i = 0; i < 3; i++) {
			assertThat(deliver(payload).status()).isEqualTo(200);
		}

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		wiremock.verify(exactly(1), postRequestedFor(commit()));
		assertThat(this.mongo.findById("evt_3", ReceivedEvent.class)).isNotNull();
	}

	@Test
	void expiredAfterCompletedLeavesTheOrderPaidAndTheStockCommitted() {
		deliver(completed("evt_4"));

		Response response = deliver(event("evt_5", "checkout.session.expired", session("expired", "unpaid")));

		assertThat(response.status()).isEqualTo(200);
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		wiremock.verify(exactly(0), postRequestedFor(release()));
	}

	@Test
	void expiredSessionExpiresTheOrderAndReleasesItsStock() {
		deliver(event("evt_6", "checkout.session.expired", session("expired", "unpaid")));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
		assertThat(order.expiredAt()).isNotNull();
		wiremock.verify(exactly(1), postRequestedFor(release()));
	}

	@Test
	void completedButUnpaidWaitsForTheDelayedPayment() {
		deliver(event("evt_7", "checkout.session.completed", session("complete", "unpaid")));
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

		deliver(event("evt_8", "checkout.session.async_payment_succeeded", session("complete", "paid")));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		wiremock.verify(exactly(1), postRequestedFor(commit()));
	}

	@Test
	void failedDelayedPaymentReleasesTheStock() {
		deliver(event("evt_9", "checkout.session.async_payment_failed", session("complete", "unpaid")));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
		wiremock.verify(exactly(1), postRequestedFor(release()));
	}

	@Test
	void paidOrderWhoseStockIsGoneIsFlaggedForARefund() {
		wiremock.stubFor(post(commit())
			.willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("""
					{"type": "https://littlethreads.shop/problems/insufficient-stock", "status": 409,
					 "lines": [{"sku": "LT-TEE-RED-4T", "requested": 2, "available": 0}]}""")));

		assertThat(deliver(completed("evt_11")).status()).isEqualTo(200);

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.needsAttention()).isTrue();
		assertThat(order.attentionReason()).isEqualTo("stock-unavailable-after-payment");
		assertThat(order.stockCommitted()).isFalse();
	}

	@Test
	void commitThatCannotReachTheCatalogIsRetriedByStripe() {
		wiremock.stubFor(post(commit()).willReturn(aResponse().withStatus(503)));

		assertThat(deliver(completed("evt_12")).status()).isEqualTo(503);
		assertThat(this.mongo.findById("evt_12", ReceivedEvent.class)).isNull();
		wiremock.stubFor(post(commit()).willReturn(aResponse().withStatus(200)));

		assertThat(deliver(completed("evt_12")).status()).isEqualTo(200);
		assertThat(order(this.orderId).stockCommitted()).isTrue();
	}

	@Test
	void paymentForACancelledOrderIsFlaggedForARefund() {
		deliver(event("evt_13", "checkout.session.expired", session("expired", "unpaid")));

		deliver(completed("evt_14"));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
		assertThat(order.needsAttention()).isTrue();
		assertThat(order.attentionReason()).isEqualTo("paid-while-expired");
		wiremock.verify(exactly(0), postRequestedFor(commit()));
	}

	@Test
	void refundsMoveAPaidOrderToPartiallyRefundedThenRefundedAndLateReportsChangeNothing() {
		deliver(completed("evt_15"));

		stubRefunds(refund("re_1", 1000, "succeeded"));
		deliver(event("evt_16", "charge.refunded", charge(1000)));
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		stubRefunds(refund("re_2", 1400, "succeeded"), refund("re_1", 1000, "succeeded"));
		deliver(event("evt_17", "charge.refunded", charge(2400)));
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.REFUNDED);
		deliver(event("evt_18", "refund.created", refund("re_1", 1000, "pending")));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(order.amountRefunded()).isEqualTo(2400);
	}

	@Test
	void paidSessionThatIsNotTheOrdersOwnIsRecordedFlaggedAndCommitsNoStock() {
		// A Payment Link or another integration on the same account may name any order.
		String foreign = session("cs_test_foreign", "complete", "paid", this.orderId, 100, "gbp");

		assertThat(deliver(event("evt_f1", "checkout.session.completed", foreign)).status()).isEqualTo(200);

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order.needsAttention()).isTrue();
		assertThat(order.attentionReason()).isEqualTo("payment-not-matching");
		wiremock.verify(exactly(0), postRequestedFor(commit()));
		JsonNode unmatched = adminView(this.orderId).get("unmatchedPayments");
		assertThat(unmatched).hasSize(1);
		assertThat(unmatched.get(0).get("sessionId").asString()).isEqualTo("cs_test_foreign");
		assertThat(unmatched.get(0).get("paymentIntentId").asString()).isEqualTo("pi_cs_test_foreign");
		assertThat(unmatched.get(0).get("amount").get("amount").asLong()).isEqualTo(100);
		assertThat(unmatched.get(0).get("reason").asString()).isEqualTo("not-the-orders-session");
	}

	@Test
	void ownSessionPaidForAnotherAmountIsRecordedFlaggedAndCommitsNoStock() {
		String cheaper = session("cs_test_1", "complete", "paid", this.orderId, 100, "gbp");

		deliver(event("evt_f2", "checkout.session.completed", cheaper));
		deliver(event("evt_f3", "checkout.session.completed", cheaper));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order.needsAttention()).isTrue();
		wiremock.verify(exactly(0), postRequestedFor(commit()));
		JsonNode unmatched = adminView(this.orderId).get("unmatchedPayments");
		assertThat(unmatched).as("recorded once however often it is told").hasSize(1);
		assertThat(unmatched.get(0).get("reason").asString()).isEqualTo("amount-or-currency-differs");
	}

	@Test
	void ownSessionPaidInAnotherCurrencyIsRecordedAndCommitsNoStock() {
		deliver(event("evt_f4", "checkout.session.completed",
				session("cs_test_1", "complete", "paid", this.orderId, 2400, "eur")));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order(this.orderId).needsAttention()).isTrue();
		wiremock.verify(exactly(0), postRequestedFor(commit()));
	}

	@Test
	void expiredSessionThatIsNotTheOrdersOwnLeavesTheOrderAndItsStockAlone() {
		deliver(event("evt_f5", "checkout.session.expired",
				session("cs_test_foreign", "expired", "unpaid", this.orderId)));
		deliver(event("evt_f6", "checkout.session.async_payment_failed",
				session("cs_test_foreign", "complete", "unpaid", this.orderId)));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order(this.orderId).needsAttention()).isFalse();
		wiremock.verify(exactly(0), postRequestedFor(release()));
	}

	@Test
	void refundOfAPaymentThatIsNotTheOrdersChangesNothing() {
		deliver(completed("evt_f7"));

		deliver(event("evt_f8", "charge.refunded",
				JSON.writeValueAsString(Map.of("id", "ch_other", "object", "charge", "amount", 2400, "amount_refunded",
						2400, "refunded", true, "payment_intent", "pi_other", "metadata",
						Map.of("order_id", this.orderId)))));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		assertThat(order(this.orderId).amountRefunded()).isZero();
	}

	@Test
	void disputedPaymentFlagsTheOrderForStaff() {
		deliver(completed("evt_d1"));

		deliver(event("evt_d2", "charge.dispute.created", dispute("pi_cs_test_1")));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.needsAttention()).isTrue();
		assertThat(order.attentionReason()).isEqualTo("disputed");
	}

	@Test
	void disputeOfAnotherPaymentChangesNothing() {
		deliver(completed("evt_d3"));

		deliver(event("evt_d4", "charge.dispute.created", dispute("pi_other")));

		assertThat(order(this.orderId).needsAttention()).isFalse();
	}

	@Test
	void unusedEventTypesAreAcknowledged() {
		assertThat(
				deliver(event("evt_19", "customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}")).status())
			.isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "data is null", "no id", "type is null", "object is an object", "data.object is an array",
			"session object is null" })
	void signedEventThatIsNotAnEventIsRefusedWithAProblemAndChangesNothing(String shape) {
		String session = session("complete", "paid");
		String payload = switch (shape) {
			case "data is null" ->
				completed("evt_bad_1").replaceFirst("\"data\": \\{\"object\": .*}$", "\"data\": null}");
			case "no id" -> completed("evt_bad_2").replace("\"id\": \"evt_bad_2\", ", "");
			case "type is null" -> completed("evt_bad_3").replace("\"checkout.session.completed\"", "null");
			case "object is an object" ->
				completed("evt_bad_5").replace("\"object\": \"event\"", "\"object\": {\"$gt\": \"\"}");
			case "data.object is an array" -> event("evt_bad_6", "checkout.session.completed", "[]");
			default -> event("evt_bad_8", "checkout.session.completed", "null");
		};

		Response response = deliver(payload);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "malformed-event");
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		wiremock.verify(exactly(0), postRequestedFor(commit()));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "api_version is null", "payment_intent is an object" })
	void signedEventWhoseObjectCannotBeReadIsRecordedAsRefusedAndChangesNothing(String shape) {
		String session = session("complete", "paid");
		String payload = shape.equals("api_version is null")
				? event("evt_bad_4", "checkout.session.completed", session, null).replace("\"null\"", "null")
				: event("evt_bad_7", "checkout.session.completed",
						session.replace("\"pi_cs_test_1\"", "{\"$where\": \"1\"}"));
		String eventId = shape.equals("api_version is null") ? "evt_bad_4" : "evt_bad_7";

		Response response = deliver(payload);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Document recorded = this.mongo.findById(eventId, Document.class, "stripe_events");
		assertThat(recorded).isNotNull();
		assertThat(recorded.getString("outcome")).isEqualTo("REFUSED");
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		wiremock.verify(exactly(0), postRequestedFor(commit()));
	}

	private static void stubRefunds(String... refunds) {
		wiremock.stubFor(get(urlPathEqualTo("/v1/refunds")).willReturn(okJson(refundList(refunds))));
	}

	private String completed(String eventId) {
		return event(eventId, "checkout.session.completed", session("complete", "paid"));
	}

	private String session(String status, String paymentStatus) {
		return session("cs_test_1", status, paymentStatus, this.orderId);
	}

	private static String dispute(String paymentIntent) {
		return JSON.writeValueAsString(Map.of("id", "dp_1", "object", "dispute", "amount", 2400, "charge", "ch_1",
				"currency", "gbp", "payment_intent", paymentIntent, "reason", "fraudulent", "status", "needs_response",
				"metadata", Map.of()));
	}

	private String charge(long amountRefunded) {
		return JSON.writeValueAsString(
				Map.of("id", "ch_1", "object", "charge", "amount", 2400, "amount_refunded", amountRefunded, "refunded",
						amountRefunded == 2400, "payment_intent", "pi_cs_test_1", "metadata", Map.of()));
	}

	private com.github.tomakehurst.wiremock.matching.UrlPattern commit() {
		return urlEqualTo("/internal/inventory/reservations/" + this.orderId + "/commit");
	}

	private com.github.tomakehurst.wiremock.matching.UrlPattern release() {
		return urlEqualTo("/internal/inventory/reservations/" + this.orderId + "/release");
	}

}
