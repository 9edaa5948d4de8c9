package com.littlethreads.payment;

import org.junit.jupiter.api.Test;

import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.reconciliation.Reconciliation;
import com.littlethreads.platform.test.TestHttp.Response;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.littlethreads.platform.test.Scrapes.delta;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads at {@code /actuator/prometheus} about the shop as a shop: the
 * dashboards and alerts in {@code observability/} are built on these series. The context
 * is shared between tests, so each compares the scrape before and after.
 */
@PaymentServiceTest
class ShopMetricsIntegrationTests extends PaymentHttpTest {

	@Autowired
	Reconciliation reconciliation;

	@Test
	void aPaidCheckoutCountsTheFunnelTheRevenueAndTheWebhook() {
		String before = scrape();

		String orderId = placeGuestOrder().json().get("orderId").asString();
		Order order = order(orderId);
		deliver(event("evt_metrics_paid", "checkout.session.completed",
				session("cs_test_1", "complete", "paid", orderId)));

		String after = scrape();
		assertThat(delta(before, after, "shop_checkouts_started_total")).isEqualTo(1);
		assertThat(delta(before, after, "shop_checkouts_ended_total{outcome=\"paid\"}")).isEqualTo(1);
		assertThat(delta(before, after, "shop_revenue_paid_minor_units_total{currency=\"" + order.currency() + "\"}"))
			.isEqualTo(order.total().amount());
		assertThat(delta(before, after, "shop_stripe_webhooks_received_total")).isEqualTo(1);
		assertThat(delta(before, after, "shop_stripe_events_total{outcome=\"applied\",via=\"webhook\"}")).isEqualTo(1);
		assertThat(delta(before, after, "shop_stripe_event_lag_seconds_count{via=\"webhook\"}")).isEqualTo(1);
		assertThat(delta(before, after, "shop_stripe_requests_seconds_count{method=\"POST\",status=\"200\"}"))
			.as("the checkout session Stripe opened")
			.isEqualTo(1);
	}

	@Test
	void aRefusedCheckoutCountsItsReason() {
		String before = scrape();

		Response response = checkout(guestCheckout("LT-GONE", "1"), key());

		assertThat(response.status()).isEqualTo(422);
		String after = scrape();
		assertThat(delta(before, after, "shop_checkouts_started_total")).isEqualTo(1);
		assertThat(delta(before, after, "shop_checkouts_refused_total{reason=\"unknown-sku\"}")).isEqualTo(1);
	}

	@Test
	void aRepeatedEventCountsAsADuplicateAndAForgedOneAsRefused() {
		String orderId = placeGuestOrder().json().get("orderId").asString();
		String payload = event("evt_metrics_twice", "checkout.session.expired",
				session("cs_test_1", "expired", "unpaid", orderId));
		String before = scrape();

		deliver(payload);
		deliver(payload);
		this.http.send("POST", "/api/payments/stripe/webhook", payload, "Content-Type", "application/json",
				"Stripe-Signature", "t=1,v1=00");

		String after = scrape();
		assertThat(delta(before, after, "shop_stripe_webhooks_received_total")).isEqualTo(3);
		assertThat(delta(before, after, "shop_stripe_events_total{outcome=\"duplicate\",via=\"webhook\"}"))
			.isEqualTo(1);
		assertThat(delta(before, after, "shop_stripe_webhooks_refused_total{reason=\"signature\"}")).isEqualTo(1);
		assertThat(delta(before, after, "shop_checkouts_ended_total{outcome=\"expired\"}")).isEqualTo(1);
	}

	@Test
	void reconciliationCountsItsRunAndTheOrderItRepaired() {
		String orderId = placeGuestOrder().json().get("orderId").asString();
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "complete", "paid", orderId))));
		this.clock.advance(minutes(32));
		String before = scrape();

		this.reconciliation.reconcile();

		String after = scrape();
		assertThat(delta(before, after, "shop_reconciliation_repairs_total{kind=\"order-paid\"}")).isEqualTo(1);
		assertThat(delta(before, after, "shop_reconciliation_runs_total{result=\"completed\"}")
				+ delta(before, after, "shop_reconciliation_runs_total{result=\"events-unavailable\"}"))
			.isEqualTo(1);
	}

	@Test
	void ordersNeedingAttentionAreCountedFromTheStore() {
		String orderId = placeGuestOrder().json().get("orderId").asString();
		String before = scrape();

		this.mongo.updateFirst(
				org.springframework.data.mongodb.core.query.Query
					.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(orderId)),
				new org.springframework.data.mongodb.core.query.Update().set("needsAttention", true), Order.class);

		assertThat(delta(before, scrape(), "shop_orders_needing_attention")).isEqualTo(1);
	}

	private String scrape() {
		return this.http.get("/actuator/prometheus").body();
	}

}
