package com.littlethreads.payment.reconciliation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
 * The reconciliation job finds what webhooks missed, with the clock moved past a
 * session's expiry instead of waiting for it.
 */
@PaymentServiceTest
class ReconciliationIntegrationTests extends PaymentHttpTest {

	@Autowired
	Reconciliation reconciliation;

	private String orderId;

	@BeforeEach
	void pendingOrder() {
		this.orderId = placeGuestOrder().json().get("orderId").asString();
	}

	@Test
	void paidOrderWhoseWebhookNeverCameBecomesPaidWithItsStockCommitted() {
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "complete", "paid", this.orderId))));
		this.clock.advance(minutes(32));

		this.reconciliation.reconcile();

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.stockCommitted()).isTrue();
		wiremock.verify(exactly(1),
				postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + this.orderId + "/commit")));
	}

	@Test
	void sessionPaidForAnotherAmountIsRecordedOnceAndNotAskedAboutAgain() {
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "complete", "paid", this.orderId, 1200, "gbp"))));
		this.clock.advance(minutes(32));

		this.reconciliation.reconcile();
		this.reconciliation.reconcile();

		Order order = order(this.orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order.needsAttention()).isTrue();
		assertThat(order.unmatchedPayments()).singleElement()
			.satisfies((payment) -> assertThat(payment.amount().amount()).isEqualTo(1200));
		wiremock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_test_1")));
		wiremock.verify(exactly(0),
				postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + this.orderId + "/commit")));
	}

	@Test
	void ordersWithinTheirSessionAreLeftAlone() {
		this.clock.advance(minutes(10));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		wiremock.verify(exactly(0), getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_test_1")));
	}

	@Test
	void sessionStillOpenPastItsExpiryIsExpiredAndTheStockReleased() {
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "open", "unpaid", this.orderId))));
		wiremock.stubFor(post("/v1/checkout/sessions/cs_test_1/expire")
			.willReturn(okJson(session("cs_test_1", "expired", "unpaid", this.orderId))));
		this.clock.advance(minutes(32));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.EXPIRED);
		wiremock.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions/cs_test_1/expire")));
		wiremock.verify(exactly(1),
				postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + this.orderId + "/release")));
	}

	@Test
	void expiredSessionExpiresTheOrder() {
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "expired", "unpaid", this.orderId))));
		this.clock.advance(minutes(32));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.EXPIRED);
	}

	@Test
	void stripeDownLeavesTheOrderForTheNextRun() {
		wiremock
			.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1")).willReturn(aResponse().withStatus(500)));
		this.clock.advance(minutes(32));

		this.reconciliation.reconcile();
		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "complete", "paid", this.orderId))));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).status()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void paidOrderWhoseCommitFailedIsCommittedOnTheNextRun() {
		wiremock.stubFor(post("/internal/inventory/reservations/" + this.orderId + "/commit")
			.willReturn(aResponse().withStatus(503)));
		String payload = event("evt_r1", "checkout.session.completed",
				session("cs_test_1", "complete", "paid", this.orderId));
		assertThat(deliver(payload).status()).isEqualTo(503);
		assertThat(order(this.orderId).stockCommitted()).isFalse();
		wiremock.stubFor(post("/internal/inventory/reservations/" + this.orderId + "/commit")
			.willReturn(okJson("{\"status\": \"COMMITTED\"}")));

		this.reconciliation.reconcile();

		assertThat(order(this.orderId).stockCommitted()).isTrue();
	}

}
