package com.littlethreads.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.littlethreads.e2e.ShopClient.Response;
import com.littlethreads.observability.ObservedMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric a Grafana dashboard or a Prometheus alert rule in {@code observability/}
 * reads is one the running services export, once a shopper has bought something: scraped
 * from each service's {@code /actuator/prometheus} (the gateway's on its management
 * port), as Prometheus scrapes them. A renamed meter, a typo in a query or a meter that
 * appears only after some rare event fails here rather than leaving a panel empty or an
 * alert silent.
 */
@ExtendWith(SharedShop.class)
class ObservedMetricsTests {

	private static final String ADDRESS = """
			{"name":"Ada Lovelace","line1":"1 Analytical Row","line2":null,"city":"London",\
			"postalCode":"N1 9GU","country":"GB"}""";

	private static RunningShop shop;

	private final ShopClient client = new ShopClient();

	@BeforeAll
	static void shop(RunningShop running) {
		shop = running;
	}

	@Test
	void afterOnePurchaseEveryMetricTheDashboardsAndAlertsReadIsExported() throws Exception {
		buyOneThing();

		Set<String> exported = new TreeSet<>();
		RunningShop.Ports ports = shop.ports();
		for (String endpoint : new String[] { "http://127.0.0.1:" + ports.user(), "http://127.0.0.1:" + ports.catalog(),
				"http://127.0.0.1:" + ports.payment(), shop.gatewayManagement() }) {
			exported.addAll(seriesNames(endpoint + "/actuator/prometheus"));
		}
		Set<String> read = new TreeSet<>(ObservedMetrics.in(RunningShop.ROOT.resolve("observability")).metricNames());
		read.removeAll(ObservedMetrics.RECORDED_BY_PROMETHEUS);

		assertThat(read).hasSizeGreaterThan(30);
		assertThat(exported).as("series the services export").containsAll(read);
	}

	private Set<String> seriesNames(String url) throws Exception {
		Response scrape = this.client.get(url);
		assertThat(scrape.status()).as(url).isEqualTo(200);
		Set<String> names = new TreeSet<>();
		for (String line : scrape.body().split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

	/** A new shopper buys one unit of a new product with the emulator's test card. */
	private void buyOneThing() throws Exception {
		String adminToken = this.client.signIn(shop.gateway(), "admin@littlethreads.local", shop.adminPassword());
		String slug = "e2e-metrics-" + UUID.randomUUID().toString().substring(0, 8);
		String sku = slug.toUpperCase() + "-A";
		Response created = this.client.postJson(shop.gateway() + "/api/catalog/admin/products", """
				{"slug":"%s","name":"Metrics Dungarees %s","description":"Made by the end-to-end tests.",\
				"category":"bottoms","gender":"unisex","seasons":["autumn"],"material":"Cotton",\
				"care":["Machine wash at 30°C"],"price":{"amount":1500,"currency":"GBP"},"status":"active",\
				"variants":[{"sku":"%s","size":"2T","colour":"navy","stock":5}]}""".formatted(slug, slug, sku),
				"Authorization", "Bearer " + adminToken);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		String email = "metrics-" + UUID.randomUUID() + "@example.com";
		String password = "velvet pickle harbour 93";
		Response registered = this.client.postJson(shop.gateway() + "/api/auth/register",
				"{\"email\":\"%s\",\"displayName\":\"Ada\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String token = this.client.signIn(shop.gateway(), email, password);

		Response checkout = this.client.postJson(shop.gateway() + "/api/checkout",
				"{\"lines\":[{\"sku\":\"%s\",\"quantity\":1}],\"shippingAddress\":%s}".formatted(sku, ADDRESS),
				"Idempotency-Key", UUID.randomUUID().toString(), "Authorization", "Bearer " + token);
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		String orderId = checkout.json().get("orderId").asString();
		Response paid = HostedPaymentPage.pay(this.client, checkout.json().get("checkoutUrl").asString(),
				"4242 4242 4242 4242");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(303);

		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Response order = this.client.get(shop.gateway() + "/api/orders/" + orderId, "Authorization",
					"Bearer " + token);
			if (order.status() == 200 && "PAID".equals(order.json().get("status").asString())) {
				return;
			}
			Thread.sleep(300);
		}
		throw new AssertionError("order " + orderId + " was never paid");
	}

}
