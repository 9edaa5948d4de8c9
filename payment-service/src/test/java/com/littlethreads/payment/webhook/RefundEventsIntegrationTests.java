package com.littlethreads.payment.webhook;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.platform.test.TestJwts;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refund's life as Stripe reports it: pending, succeeded, failed (also after it
 * succeeded, as card refunds can), canceled. The order's refund status follows Stripe's,
 * whatever order the events arrive in.
 */
@PaymentServiceTest
class RefundEventsIntegrationTests extends PaymentHttpTest {

	private static final String ADMIN = "Bearer " + TestJwts.token("staff-1", "ADMIN");

	private String orderId;

	@BeforeEach
	void paidOrder() {
		this.orderId = placeGuestOrder().json().get("orderId").asString();
		deliver(event("evt_paid", "checkout.session.completed",
				session("cs_test_1", "complete", "paid", this.orderId)));
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void pendingRefundIsShownPendingAndTheOrderStaysPaid() {
		deliver(event("evt_r1", "refund.created", refund("re_1", 2400, "pending")));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.amountRefunded()).isZero();
		JsonNode view = adminView(this.orderId);
		assertThat(view.get("amountRefundPending").get("amount").asLong()).isEqualTo(2400);
		assertThat(view.get("refunds").get(0).get("refundId").asString()).isEqualTo("re_1");
		assertThat(view.get("refunds").get(0).get("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void pendingRefundThatSucceedsRefundsTheOrder() {
		deliver(event("evt_r2", "refund.created", refund("re_1", 2400, "pending")));
		deliver(event("evt_r3", "refund.updated", refund("re_1", 2400, "succeeded")));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(order.amountRefunded()).isEqualTo(2400);
		assertThat(order.refundedAt()).isNotNull();
		assertThat(adminView(this.orderId).get("refunds").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void refundThatFailsAfterSucceedingGivesTheOrderItsMoneyBackAndIsFlaggedForStaff() {
		deliver(event("evt_r4", "refund.created", refund("re_1", 2400, "succeeded")));
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.REFUNDED);

		deliver(event("evt_r5", "refund.failed",
				refund("re_1", 2400, "failed", "pi_cs_test_1", "expired_or_canceled_card")));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.amountRefunded()).isZero();
		assertThat(order.needsAttention()).isTrue();
		assertThat(order.attentionReason()).isEqualTo("refund-failed");
		JsonNode refund = adminView(this.orderId).get("refunds").get(0);
		assertThat(refund.get("status").asString()).isEqualTo("FAILED");
		assertThat(refund.get("failureReason").asString()).isEqualTo("expired_or_canceled_card");
	}

	@Test
	void chargeRefundUpdatedReportsAFailureToo() {
		deliver(event("evt_r6", "refund.created", refund("re_1", 2400, "succeeded")));

		deliver(event("evt_r7", "charge.refund.updated",
				refund("re_1", 2400, "failed", "pi_cs_test_1", "expired_or_canceled_card")));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		assertThat(order(this.orderId).attentionReason()).isEqualTo("refund-failed");
	}

	@Test
	void succeededArrivingAfterFailedChangesNothing() {
		deliver(event("evt_r8", "refund.failed",
				refund("re_1", 2400, "failed", "pi_cs_test_1", "expired_or_canceled_card")));

		deliver(event("evt_r9", "refund.created", refund("re_1", 2400, "succeeded")));
		deliver(event("evt_r10", "refund.updated", refund("re_1", 2400, "pending")));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		assertThat(order(this.orderId).amountRefunded()).isZero();
		assertThat(adminView(this.orderId).get("refunds").get(0).get("status").asString()).isEqualTo("FAILED");
	}

	@Test
	void oneOfTwoRefundsFailingLeavesTheOrderPartlyRefunded() {
		deliver(event("evt_r11", "refund.created", refund("re_1", 1200, "succeeded")));
		deliver(event("evt_r12", "refund.created", refund("re_2", 1200, "succeeded")));
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.REFUNDED);

		deliver(event("evt_r13", "refund.failed",
				refund("re_2", 1200, "failed", "pi_cs_test_1", "lost_or_stolen_card")));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		assertThat(order(this.orderId).amountRefunded()).isEqualTo(1200);
	}

	@Test
	void chargeRefundedCountsOnlyWhatStripeListsAsSucceeded() {
		// The charge says only how much is being refunded, pending refunds included;
		// which refunds those are, and how each stands, Stripe's refund list says.
		wiremock.stubFor(get(urlPathEqualTo("/v1/refunds")).withQueryParam("payment_intent", equalTo("pi_cs_test_1"))
			.willReturn(okJson(refundList(refund("re_1", 2400, "pending")))));

		deliver(event("evt_r14", "charge.refunded", charge(2400)));

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(adminView(this.orderId).get("refunds").get(0).get("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void refundOfAnotherPaymentIsIgnored() {
		deliver(event("evt_r15", "refund.created", refund("re_9", 2400, "succeeded", "pi_other", null)));

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
		assertThat(adminView(this.orderId).get("refunds")).isEmpty();
	}

	@Test
	void refundThatFailedCanBeAskedForAgain() {
		wiremock.stubFor(post("/v1/refunds").willReturn(okJson(refund("re_1", 2400, "succeeded"))));
		assertThat(refund("refund-key-0001").status()).isEqualTo(202);
		deliver(event("evt_r16", "refund.created", refund("re_1", 2400, "succeeded")));
		assertThat(refund("refund-key-0002").status()).isEqualTo(409);

		deliver(event("evt_r17", "refund.failed",
				refund("re_1", 2400, "failed", "pi_cs_test_1", "expired_or_canceled_card")));
		wiremock.stubFor(post("/v1/refunds").willReturn(okJson(refund("re_2", 2400, "pending"))));
		Response again = refund("refund-key-0003");

		assertThat(again.status()).as(again.body()).isEqualTo(202);
		assertThat(again.json().get("refundId").asString()).isEqualTo("re_2");
	}

	private Response refund(String key) {
		return this.http.send("POST", "/api/orders/admin/orders/" + this.orderId + "/refunds", null, "Authorization",
				ADMIN, "Idempotency-Key", key);
	}

	private static String charge(long amountRefunded) {
		return JSON.writeValueAsString(
				Map.of("id", "ch_1", "object", "charge", "amount", 2400, "amount_refunded", amountRefunded, "refunded",
						amountRefunded == 2400, "payment_intent", "pi_cs_test_1", "metadata", Map.of()));
	}

}
