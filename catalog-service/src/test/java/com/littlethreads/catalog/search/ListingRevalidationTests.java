package com.littlethreads.catalog.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.catalog.product.ActiveProducts;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductBuilder;
import com.littlethreads.catalog.product.ProductRepository;
import com.littlethreads.catalog.product.Size;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ETags and {@code 304}: a listing's or a product's ETag changes exactly when its answer
 * does. A sale that leaves every variant in stock changes no listing and no product page
 * (only the availability, which is never cached); the last unit going, a product's edit,
 * a new product do change the answers that show them, and only those.
 */
@CatalogServiceTest
@DirtiesContext // These tests add products and sell stock; no other test class may see
				// it.
class ListingRevalidationTests extends ServiceHttpTest {

	@Autowired
	ProductRepository products;

	@Autowired
	ActiveProducts catalog;

	@Test
	void aSaleThatLeavesTheVariantInStockKeepsEveryETag() {
		String name = "Plenty Tee " + System.nanoTime();
		Product tee = store(name, 5);
		String listing = listing(name);
		String page = "/api/catalog/products/" + tee.getSlug();
		Response listed = this.http.get(listing);
		Response shown = this.http.get(page);
		long version = this.catalog.listing().version();

		reserve(sku(tee), 2);

		assertThat(this.catalog.listing().version()).as("no new listing").isEqualTo(version);
		assertNotModified(listing, listed);
		assertNotModified(page, shown);
		assertThat(this.http.get(page + "/availability").json().get("variants").get(0).get("available").asInt())
			.isEqualTo(3);
	}

	@Test
	void theLastUnitGoingChangesTheETagOfEveryListingShowingIt() {
		String name = "Last Unit Tee " + System.nanoTime();
		Product tee = store(name, 1);
		String listing = listing(name);
		Response before = this.http.get(listing);
		assertThat(before.json().get("items").get(0).get("inStock").asBoolean()).isTrue();

		reserve(sku(tee), 1);

		Response after = this.http.get(listing, "If-None-Match", before.header("ETag"));
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
		assertThat(after.json().get("items").get(0).get("inStock").asBoolean()).isFalse();
		assertThat(this.http.get(listing + "&inStock=true").json().get("total").asLong()).isZero();
		assertNotModified(listing, after);
	}

	@Test
	void anEditChangesTheAnswersThatShowTheProductAndNoOthers() {
		String name = "Edited Tee " + System.nanoTime();
		Product tee = store(name, 4);
		String listing = listing(name);
		String page = "/api/catalog/products/" + tee.getSlug();
		// Dresses: this tee is not among them, and a rename changes no category's count.
		String dresses = "/api/catalog/products?category=dresses&pageSize=100";
		Response listed = this.http.get(listing);
		Response shown = this.http.get(page);
		Response elsewhere = this.http.get(dresses);

		Response edited = this.http.send("PUT", "/api/catalog/admin/products/" + tee.getSlug(), """
				{"version": 0, "name": "%s Renamed", "description": "Sturdy cord dungarees with adjustable straps \
				and roomy pockets.", "category": "bottoms", "gender": "unisex", "seasons": ["autumn", "winter"],
				"material": "100%% cotton corduroy", "care": ["Machine wash at 30°C"],
				"price": {"amount": 2400, "currency": "GBP"}, "status": "active", "featured": false}""".formatted(name),
				"Content-Type", "application/json", "Authorization", "Bearer " + TestJwts.token("admin-1", "ADMIN"));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);

		assertThat(this.http.get(listing, "If-None-Match", listed.header("ETag")).status()).isEqualTo(200);
		assertThat(this.http.get(page, "If-None-Match", shown.header("ETag")).status()).isEqualTo(200);
		assertNotModified(dresses, elsewhere);
	}

	@Test
	void aNewProductChangesTheListingsItJoins() {
		String name = "Joining Tee " + System.nanoTime();
		String listing = listing(name);
		Response empty = this.http.get(listing);
		assertThat(empty.json().get("total").asLong()).isZero();

		store(name, 3);

		Response joined = this.http.get(listing, "If-None-Match", empty.header("ETag"));
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.json().get("total").asLong()).isOne();
	}

	private Product store(String name, int stock) {
		String id = Long.toString(System.nanoTime());
		return this.products.insert(ProductBuilder.aProduct("tee-" + id)
			.withName(name)
			.withVariant("LT-ETAG-" + id, Size.T4, "navy", stock)
			.build());
	}

	private static String sku(Product product) {
		return product.getVariants().get(0).sku();
	}

	private static String listing(String name) {
		return "/api/catalog/products?pageSize=24&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
	}

	private void reserve(String sku, int quantity) {
		Response reserved = this.http.send("POST", "/internal/inventory/reservations",
				"{\"orderId\":\"ord_etag_%d\",\"lines\":[{\"sku\":\"%s\",\"quantity\":%d}],\"expiresAt\":\"%s\"}"
					.formatted(System.nanoTime(), sku, quantity, Instant.now().plus(Duration.ofHours(1))),
				"Content-Type", "application/json", "Authorization",
				"Bearer " + TestJwts.serviceToken("payment-service", "inventory:reserve"));
		assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
	}

	private void assertNotModified(String path, Response earlier) {
		String etag = earlier.header("ETag");
		assertThat(etag).isNotBlank();
		Response again = this.http.get(path, "If-None-Match", etag);
		assertThat(again.status()).as(path).isEqualTo(304);
		assertThat(again.header("ETag")).isEqualTo(etag);
	}

}
