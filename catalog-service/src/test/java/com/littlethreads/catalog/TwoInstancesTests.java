package com.littlethreads.catalog;

import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two catalog-service instances on one store, as a deployment with several runs them
 * behind the gateway: an admin edit or a stock change (a sale, a release, a restock) made
 * through either shows on the other within a second, in product pages, availability,
 * listings, the in-stock filter and the facet counts alike. The instances run with their
 * shipped settings.
 */
@Tag("slow") // two instances on one store
class TwoInstancesTests {

	/**
	 * What the issue asks for: a change made through one instance is visible on every
	 * other within a second.
	 */
	private static final Duration WITHIN = Duration.ofSeconds(1);

	private static MongoServer store;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static TestHttp one;

	private static TestHttp other;

	@BeforeAll
	static void startTwoInstancesOnOneStore() {
		store = new MongoServer(H2Backend.inMemory().version(ServerVersion.MONGO_5_0));
		InetSocketAddress address = store.bind();
		String uri = "mongodb://127.0.0.1:" + address.getPort() + "/catalog";
		first = start(uri);
		// Started after the first has loaded the sample catalog, as a second replica
		// joins a running deployment.
		second = start(uri);
		one = new TestHttp(port(first));
		other = new TestHttp(port(second));
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		if (store != null) {
			store.shutdownNow();
		}
	}

	@Test
	void anAdminEditThroughOneInstanceShowsOnTheOtherWithinASecond() {
		JsonNode seeded = SeedCatalog.active().get(3);
		String slug = seeded.get("slug").asString();
		String page = "/api/catalog/products/" + slug;
		String listing = "/api/catalog/products?pageSize=100&q=" + encode(seeded.get("name").asString());
		// The other instance has answered both already, so it holds them.
		assertThat(other.get(page).json().get("name").asString()).isEqualTo(seeded.get("name").asString());
		Response before = other.get(listing);
		assertThat(before.json().get("total").asLong()).isPositive();
		JsonNode current = admin(one, "GET", "/api/catalog/admin/products/" + slug, null).json();
		String renamed = "Renamed Through One " + System.nanoTime();

		Response edited = admin(one, "PUT", "/api/catalog/admin/products/" + slug,
				"""
						{"version": %d, "name": "%s", "description": "Edited through the first instance.",
						"category": "%s", "gender": "%s", "seasons": ["summer"], "material": "cotton", "care": [],
						"price": {"amount": 4321, "currency": "GBP"}, "status": "active", "featured": false}"""
					.formatted(current.get("version").asLong(), renamed, current.get("category").asString(),
							current.get("gender").asString()));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);

		assertThat(timeUntilShown(() -> other.get(page).json().get("name").asString().equals(renamed)
				&& other.get(page).json().get("price").get("amount").asLong() == 4321
				&& total(other.get("/api/catalog/products?pageSize=100&q=" + encode(renamed))) == 1
				&& !other.get(listing).header("ETag").equals(before.header("ETag"))))
			.isLessThanOrEqualTo(WITHIN);
	}

	@Test
	void aStockChangeThroughOneInstanceShowsOnTheOtherWithinASecond() {
		String name = "Last One Tee " + System.nanoTime();
		String sku = "LT-TWO-" + System.nanoTime() + "-RED-7Y";
		String slug = "last-one-tee-" + System.nanoTime();
		String inStock = "/api/catalog/products?inStock=true&size=7Y&q=" + encode(name);
		String anySize = "/api/catalog/products?inStock=true&q=" + encode(name);
		String availability = "/api/catalog/products/" + slug + "/availability";
		createOneOfAKind(slug, name, sku, "7Y");
		assertThat(timeUntilShown(() -> total(other.get(inStock)) == 1)).as("a new product on the other instance")
			.isLessThanOrEqualTo(WITHIN);
		assertThat(sizeCount(other.get(anySize), "7Y")).isOne();
		assertThat(available(other, slug, sku)).isOne();

		reserveTheOne("ord_two_" + System.nanoTime(), sku);

		assertThat(timeUntilShown(() -> available(other.get(availability), sku) == 0 && total(other.get(inStock)) == 0
				&& sizeCount(other.get(anySize), "7Y") == 0
				&& !other.get("/api/catalog/variants?sku=" + sku).json().get("items").get(0).get("inStock").asBoolean()
				&& !other.get("/api/catalog/products?q=" + encode(name))
					.json()
					.get("items")
					.get(0)
					.get("inStock")
					.asBoolean()))
			.isLessThanOrEqualTo(WITHIN);
	}

	@Test
	void aReleaseThroughTheOtherInstanceShowsOnTheFirstWithinASecond() {
		String name = "Returned Tee " + System.nanoTime();
		String sku = "LT-BACK-" + System.nanoTime() + "-NAVY-5Y";
		String slug = "returned-tee-" + System.nanoTime();
		String inStock = "/api/catalog/products?inStock=true&size=5Y&q=" + encode(name);
		createOneOfAKind(slug, name, sku, "5Y");
		String orderId = "ord_back_" + System.nanoTime();
		reserveTheOne(orderId, sku);
		assertThat(timeUntilShown(() -> total(one.get(inStock)) == 0 && available(one, slug, sku) == 0))
			.isLessThanOrEqualTo(WITHIN);

		Response released = other.send("POST", "/internal/inventory/reservations/" + orderId + "/release", null,
				"Authorization", service());
		assertThat(released.status()).as(released.body()).isEqualTo(200);

		assertThat(timeUntilShown(() -> available(one, slug, sku) == 1 && total(one.get(inStock)) == 1
				&& sizeCount(one.get("/api/catalog/products?inStock=true&q=" + encode(name)), "5Y") == 1))
			.isLessThanOrEqualTo(WITHIN);
	}

	@Test
	void aRestockThroughTheOtherInstanceShowsOnTheFirstWithinASecond() {
		JsonNode seeded = SeedCatalog.active().get(5);
		String slug = seeded.get("slug").asString();
		String sku = seeded.get("variants").get(0).get("sku").asString();
		int before = available(one, slug, sku);

		Response restocked = admin(other, "POST",
				"/api/catalog/admin/products/" + slug + "/variants/" + sku + "/restock", "{\"quantity\": 7}");
		assertThat(restocked.status()).as(restocked.body()).isEqualTo(200);

		assertThat(timeUntilShown(() -> available(one, slug, sku) == before + 7)).isLessThanOrEqualTo(WITHIN);
	}

	/**
	 * A product with a single unit of a single variant, made through the first instance.
	 */
	private static void createOneOfAKind(String slug, String name, String sku, String size) {
		Response created = admin(one, "POST", "/api/catalog/admin/products", """
				{"slug": "%s", "name": "%s", "description": "Only one made.", "category": "tops",
				"gender": "unisex", "seasons": ["summer"], "material": "cotton", "care": [],
				"price": {"amount": 1500, "currency": "GBP"}, "status": "active",
				"variants": [{"sku": "%s", "size": "%s", "colour": "red", "stock": 1}]}""".formatted(slug, name, sku,
				size));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	/**
	 * Reserves the one unit through the first instance, as payment-service does.
	 */
	private static void reserveTheOne(String orderId, String sku) {
		Response reserved = one.send("POST", "/internal/inventory/reservations",
				"{\"orderId\":\"%s\",\"lines\":[{\"sku\":\"%s\",\"quantity\":1}],\"expiresAt\":\"%s\"}"
					.formatted(orderId, sku, Instant.now().plus(Duration.ofHours(1))),
				"Content-Type", "application/json", "Authorization", service());
		assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
	}

	/**
	 * Asks until the answers show the change, for a good while longer than the change may
	 * take, and says how long after the change that was.
	 */
	private static Duration timeUntilShown(BooleanSupplier shown) {
		Instant changed = Instant.now();
		Instant giveUp = changed.plus(WITHIN.multipliedBy(10));
		while (Instant.now().isBefore(giveUp)) {
			if (shown.getAsBoolean()) {
				return Duration.between(changed, Instant.now());
			}
			sleep(Duration.ofMillis(20));
		}
		throw new AssertionError("Not shown within " + WITHIN.multipliedBy(10));
	}

	private static long total(Response listing) {
		return listing.json().get("total").asLong();
	}

	private static long sizeCount(Response listing, String size) {
		for (JsonNode value : listing.json().get("facets").get("size")) {
			if (value.get("value").asString().equals(size)) {
				return value.get("count").asLong();
			}
		}
		return 0;
	}

	private static int available(TestHttp instance, String slug, String sku) {
		return available(instance.get("/api/catalog/products/" + slug + "/availability"), sku);
	}

	private static int available(Response availability, String sku) {
		for (JsonNode variant : availability.json().get("variants")) {
			if (variant.get("sku").asString().equals(sku)) {
				return variant.get("available").asInt();
			}
		}
		throw new AssertionError("no variant " + sku);
	}

	private static Response admin(TestHttp instance, String method, String path, String body) {
		String token = "Bearer " + TestJwts.token("admin-1", "ADMIN");
		return (body != null)
				? instance.send(method, path, body, "Content-Type", "application/json", "Authorization", token)
				: instance.send(method, path, null, "Authorization", token);
	}

	private static String service() {
		return "Bearer " + TestJwts.serviceToken("payment-service", "inventory:reserve");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static ConfigurableApplicationContext start(String mongoUri) {
		// As arguments: they win over application.yml, as a deployment's settings do.
		return new SpringApplicationBuilder(CatalogApplication.class).run("--server.port=0",
				"--littlethreads.embedded-mongo.enabled=false", "--spring.mongodb.uri=" + mongoUri,
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestJwts.jwksUri(),
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestJwts.ISSUER,
				"--spring.security.oauth2.resourceserver.jwt.audiences=" + TestJwts.AUDIENCE,
				"--littlethreads.security.service-audience=" + TestJwts.SERVICE_AUDIENCE,
				"--catalog.reservations.expiry-check-interval=1h", "--catalog.reservations.repair-interval=1h",
				// A job's lock is held for its interval at least (ShedLock), so at most
				// longer.
				"--littlethreads.scheduling.lock-at-most-for=2h");
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
