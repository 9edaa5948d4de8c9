package com.littlethreads.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.littlethreads.e2e.ShopClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase across every service, on the shop the run command starts: checkout through
 * the gateway, payment on the Stripe emulator's hosted page, the signed webhook back to
 * payment-service, and the stock in catalog-service. Nothing is stubbed.
 */
@ExtendWith(SharedShop.class)
class PurchaseTests {

	private static final String ADDRESS = """
			{"name":"Ada Lovelace","line1":"1 Analytical Row","line2":null,"city":"London",\
			"postalCode":"N1 9GU","country":"GB"}""";

	private static RunningShop shop;

	private static String adminToken;

	private final ShopClient client = new ShopClient();

	@BeforeAll
	static void signInAsAdmin(RunningShop running) throws Exception {
		shop = running;
		adminToken = new ShopClient().signIn(shop.gateway(), "admin@littlethreads.local", shop.adminPassword());
	}

	@Test
	void paidCheckoutThroughTheGatewayCommitsTheStockAndTheShopperSeesTheOrderPaid() throws Exception {
		String slug = newProduct(Map.of("A", 5, "B", 5));
		String token = newShopper();
		String body = checkoutBody(List.of(line(slug, "A", 2), line(slug, "B", 1)), null);
		String key = UUID.randomUUID().toString();

		Response checkout = this.client.postJson(shop.gateway() + "/api/checkout", body, "Idempotency-Key", key,
				"Authorization", "Bearer " + token);

		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		String orderId = checkout.json().get("orderId").asString();
		assertThat(checkout.json().has("orderToken")).as("a signed-in shopper needs no order token").isFalse();
		assertThat(available(slug)).as("the checkout holds the stock").containsExactly(3, 4);
		Response again = this.client.postJson(shop.gateway() + "/api/checkout", body, "Idempotency-Key", key,
				"Authorization", "Bearer " + token);
		assertThat(again.json().get("orderId").asString()).as("the same Idempotency-Key is the same order")
			.isEqualTo(orderId);
		assertThat(available(slug)).as("and holds no more stock").containsExactly(3, 4);

		Response paid = pay(checkout.json().get("checkoutUrl").asString(), "4242 4242 4242 4242");

		assertThat(paid.status()).as(paid.toString()).isEqualTo(303);
		assertThat(paid.header("Location")).contains("/checkout/success/").contains(orderId);
		JsonNode order = this.client.awaitOrderStatus(shop.gateway(), orderId, "PAID", "Authorization",
				"Bearer " + token);
		assertThat(order.get("total").get("amount").asLong()).isEqualTo(3 * 1500);
		assertThat(order.get("lines")).hasSize(2);
		Response mine = this.client.get(shop.gateway() + "/api/orders", "Authorization", "Bearer " + token);
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().get("items")).singleElement()
			.satisfies((listed) -> assertThat(listed.get("id").asString()).isEqualTo(orderId));
		assertThat(available(slug)).as("paid stock stays sold").containsExactly(3, 4);
		Response stranger = this.client.get(shop.gateway() + "/api/orders/" + orderId, "Authorization",
				"Bearer " + newShopper());
		assertThat(stranger.status()).as("another shopper cannot see the order").isEqualTo(404);
	}

	@Test
	void fiftyConcurrentCheckoutsForTenUnitsSellExactlyTen() throws Exception {
		String slug = newProduct(Map.of("A", 10));
		String body = checkoutBody(List.of(line(slug, "A", 1)), "rush@example.com");
		List<Callable<Integer>> checkouts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			// Straight to payment-service: the gateway's checkout rate limit is not under
			// test.
			checkouts.add(() -> new ShopClient()
				.postJson(shop.payment() + "/api/checkout", body, "Idempotency-Key", UUID.randomUUID().toString())
				.status());
		}
		List<Integer> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			for (Future<Integer> status : pool.invokeAll(checkouts)) {
				statuses.add(status.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(10);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(40);
		assertThat(available(slug)).containsExactly(0);
	}

	@Test
	void declinedCardThenCancelPaysNothingAndPutsTheStockBack() throws Exception {
		String slug = newProduct(Map.of("A", 5));
		Response checkout = this.client.postJson(shop.gateway() + "/api/checkout",
				checkoutBody(List.of(line(slug, "A", 2)), "guest@example.com"), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		String orderId = checkout.json().get("orderId").asString();
		String orderToken = checkout.json().get("orderToken").asString();
		assertThat(available(slug)).containsExactly(3);

		Response declined = pay(checkout.json().get("checkoutUrl").asString(), "4000 0000 0000 0002");

		assertThat(declined.status()).as("the shopper stays on the payment page").isNotEqualTo(303);
		assertThat(declined.body()).contains("Your card was declined.");
		Response cancelled = this.client.postJson(shop.gateway() + "/api/orders/" + orderId + "/cancel", "",
				"X-Order-Token", orderToken);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(available(slug)).as("the held stock is back").containsExactly(5);
		Response order = this.client.get(shop.gateway() + "/api/orders/" + orderId, "X-Order-Token", orderToken);
		assertThat(order.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.json().has("paidAt") && !order.json().get("paidAt").isNull()).isFalse();
	}

	/**
	 * Creates an active product priced 15.00 with one variant per SKU suffix and stock.
	 */
	private String newProduct(Map<String, Integer> stock) throws Exception {
		String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
		StringBuilder variants = new StringBuilder();
		String[] sizes = { "2T", "3T", "4T", "5Y" };
		int i = 0;
		for (String suffix : stock.keySet().stream().sorted().toList()) {
			if (i > 0) {
				variants.append(',');
			}
			variants.append("{\"sku\":\"%s\",\"size\":\"%s\",\"colour\":\"navy\",\"stock\":%d}"
				.formatted(sku(slug, suffix), sizes[i++], stock.get(suffix)));
		}
		String product = """
				{"slug":"%s","name":"Test Dungarees %s","description":"Made by the end-to-end tests.",\
				"category":"bottoms","gender":"unisex","seasons":["autumn"],"material":"Cotton",\
				"care":["Machine wash at 30°C"],"price":{"amount":1500,"currency":"GBP"},"status":"active",\
				"variants":[%s]}""".formatted(slug, slug, variants);
		Response created = this.client.postJson(shop.gateway() + "/api/catalog/admin/products", product,
				"Authorization", "Bearer " + adminToken);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return slug;
	}

	private static String sku(String slug, String suffix) {
		return slug.toUpperCase() + "-" + suffix;
	}

	private static String line(String slug, String suffix, int quantity) {
		return "{\"sku\":\"%s\",\"quantity\":%d}".formatted(sku(slug, suffix), quantity);
	}

	private static String checkoutBody(List<String> lines, String email) {
		String emailField = (email != null) ? "\"email\":\"%s\",".formatted(email) : "";
		return "{\"lines\":[%s],%s\"shippingAddress\":%s}".formatted(String.join(",", lines), emailField, ADDRESS);
	}

	private String newShopper() throws Exception {
		return this.client.register(shop.gateway(), "Ada", "shopper-" + UUID.randomUUID() + "@example.com",
				"velvet pickle harbour 93");
	}

	/** Each variant's live availability, in SKU order. */
	private List<Integer> available(String slug) throws Exception {
		Response availability = this.client.get(shop.gateway() + "/api/catalog/products/" + slug + "/availability");
		assertThat(availability.status()).as(availability.toString()).isEqualTo(200);
		List<JsonNode> variants = new ArrayList<>();
		availability.json().get("variants").forEach(variants::add);
		return variants.stream()
			.sorted((a, b) -> a.get("sku").asString().compareTo(b.get("sku").asString()))
			.map((variant) -> variant.get("available").asInt())
			.toList();
	}

	private Response pay(String checkoutUrl, String card) throws Exception {
		return HostedPaymentPage.pay(this.client, checkoutUrl, card);
	}

}
