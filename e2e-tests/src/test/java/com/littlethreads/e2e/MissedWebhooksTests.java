package com.littlethreads.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.e2e.ShopClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop with a Stripe whose webhooks never arrive: the emulator drops every one
 * ({@code EMULATOR_WEBHOOK_DROP=*}), so payment-service learns what happened only from
 * Stripe's documented recovery, {@code GET /v1/events}, walked by its reconciliation job
 * (every 2 seconds here). A payment, a refund and the refund's later failure all reach
 * the order anyway. Its own shop: the shared one gets its webhooks.
 */
class MissedWebhooksTests {

	private static final String ADDRESS = """
			{"name":"Ada Lovelace","line1":"1 Analytical Row","line2":null,"city":"London",\
			"postalCode":"N1 9GU","country":"GB"}""";

	private static RunningShop shop;

	private static String adminToken;

	private final ShopClient client = new ShopClient();

	@BeforeAll
	static void startShopWithoutWebhooks() throws Exception {
		Path work = Files.createTempDirectory("little-threads-e2e-missed-webhooks");
		shop = RunningShop.start(work, RunningShop.Ports.free(),
				Map.of("EMULATOR_WEBHOOK_DROP", "*", "EMULATOR_REFUND_FAILURE_DELAY", "20s",
						"EMULATOR_EXPIRY_CHECK_INTERVAL", "1s", "PAYMENT_RECONCILIATION_INTERVAL", "2s",
						"RATE_LIMIT_CLIENT_CAPACITY", "100000", "RATE_LIMIT_CHECKOUT_CAPACITY", "1000",
						"RATE_LIMIT_SIGN_IN_CAPACITY", "1000"));
		shop.awaitReady();
		adminToken = new ShopClient().signIn(shop.gateway(), "admin@littlethreads.local", shop.adminPassword());
	}

	@AfterAll
	static void stopShop() throws Exception {
		if (shop != null) {
			shop.close();
		}
	}

	@Test
	void paymentWhoseWebhookNeverCameIsAppliedFromStripesEvents() throws Exception {
		Order order = guestCheckout(newProduct());

		assertThat(HostedPaymentPage.pay(this.client, order.checkoutUrl(), "4242 4242 4242 4242").status())
			.isEqualTo(303);

		JsonNode paid = await(order, "PAID");
		assertThat(paid.get("paidAt").isNull()).isFalse();
		Response emulator = this.client.get("http://127.0.0.1:" + shop.ports().emulator() + "/");
		assertThat(emulator.body()).as("the emulator delivered nothing")
			.contains("dropped")
			.doesNotContain(">delivered<");
	}

	@Test
	void refundAndItsLaterFailureReachTheOrderWithoutAnyWebhook() throws Exception {
		Order order = guestCheckout(newProduct());
		HostedPaymentPage.pay(this.client, order.checkoutUrl(), "4000 0000 0000 5126");
		await(order, "PAID");

		Response refund = this.client.postJson(shop.gateway() + "/api/orders/admin/orders/" + order.id() + "/refunds",
				"", "Authorization", "Bearer " + adminToken, "Idempotency-Key", UUID.randomUUID().toString());

		assertThat(refund.status()).as(refund.toString()).isEqualTo(202);
		await(order, "REFUNDED");
		await(order, "PAID");
		JsonNode staffView = adminView(order.id());
		assertThat(staffView.get("needsAttention").asBoolean()).isTrue();
		assertThat(staffView.get("attentionReason").asString()).isEqualTo("refund-failed");
		assertThat(staffView.get("refunds").get(0).get("status").asString()).isEqualTo("FAILED");
		assertThat(staffView.get("refunds").get(0).get("failureReason").asString())
			.isEqualTo("expired_or_canceled_card");
	}

	private String newProduct() throws Exception {
		String slug = "e2e-missed-" + UUID.randomUUID().toString().substring(0, 8);
		String product = """
				{"slug":"%s","name":"Missed Webhook Tee %s","description":"Made by the end-to-end tests.",\
				"category":"tops","gender":"unisex","seasons":["summer"],"material":"Cotton",\
				"care":["Machine wash at 30°C"],"price":{"amount":1500,"currency":"GBP"},"status":"active",\
				"variants":[{"sku":"%s-A","size":"4T","colour":"navy","stock":5}]}""".formatted(slug, slug,
				slug.toUpperCase());
		Response created = this.client.postJson(shop.gateway() + "/api/catalog/admin/products", product,
				"Authorization", "Bearer " + adminToken);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return slug.toUpperCase() + "-A";
	}

	private Order guestCheckout(String sku) throws Exception {
		Response checkout = this.client.postJson(shop.gateway() + "/api/checkout",
				"{\"lines\":[{\"sku\":\"%s\",\"quantity\":1}],\"email\":\"missed@example.com\",\"shippingAddress\":%s}"
					.formatted(sku, ADDRESS),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		return new Order(checkout.json().get("orderId").asString(), checkout.json().get("orderToken").asString(),
				checkout.json().get("checkoutUrl").asString());
	}

	private JsonNode await(Order order, String status) throws Exception {
		return this.client.awaitOrderStatus(shop.gateway(), order.id(), status, "X-Order-Token", order.token());
	}

	private JsonNode adminView(String orderId) throws Exception {
		Response page = this.client.get(
				shop.gateway() + "/api/orders/admin/orders?email=missed%40example.com&pageSize=100", "Authorization",
				"Bearer " + adminToken);
		for (JsonNode item : page.json().get("items")) {
			if (item.get("id").asString().equals(orderId)) {
				return item;
			}
		}
		throw new AssertionError("no order " + orderId + " in " + page);
	}

	private record Order(String id, String token, String checkoutUrl) {

	}

}
