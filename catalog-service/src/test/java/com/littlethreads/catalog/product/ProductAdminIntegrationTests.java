package com.littlethreads.catalog.product;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.catalog.SeedCatalog;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static com.littlethreads.catalog.product.ProductJson.aProduct;
import static com.littlethreads.catalog.product.ProductJson.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API end to end: real tokens, real store, and what shoppers then see.
 */
@CatalogServiceTest
// These tests change the catalog; no other test class may see their products.
@DirtiesContext
class ProductAdminIntegrationTests extends ServiceHttpTest {

	private static final String ADMIN_PRODUCTS = "/api/catalog/admin/products";

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Autowired
	ProductRepository products;

	@Test
	void adminCreatesAProductShoppersCanThenFind() {
		// A cached listing must not hide it.
		this.http.get("/api/catalog/products?q=Moonlight");

		Response created = admin("POST", ADMIN_PRODUCTS,
				aProduct("moonlight-dungarees").with("name", "Moonlight Dungarees")
					.withVariant("LT-9001-NAVY-4T", "4T", "navy", 5)
					.withVariant("LT-9001-NAVY-5Y", "5Y", "navy", 0)
					.build());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo(ADMIN_PRODUCTS + "/moonlight-dungarees");
		assertThat(created.json().get("version").asLong()).isZero();
		assertThat(created.json().get("images").get(0).get("url").asString())
			.isEqualTo("/api/catalog/images/bottoms/navy." + Image.DRAWINGS_VERSION + ".svg");
		JsonNode listing = this.http.get("/api/catalog/products?q=Moonlight").json();
		assertThat(listing.get("total").asLong()).isEqualTo(1);
		JsonNode availability = this.http.get("/api/catalog/products/moonlight-dungarees/availability").json();
		assertThat(availability.get("variants").get(0).get("available").asInt()).isEqualTo(5);
		assertThat(availability.get("variants").get(1).get("inStock").asBoolean()).isFalse();
	}

	@Test
	void draftIsInvisibleToShoppers() {
		admin("POST", ADMIN_PRODUCTS,
				aProduct("secret-draft-tee").with("status", null)
					.withVariant("LT-9002-RED-4T", "4T", "red", 5)
					.build());

		assertThat(this.http.get("/api/catalog/products/secret-draft-tee").status()).isEqualTo(404);
		assertThat(this.http.get("/api/catalog/products?q=secret-draft").json().get("total").asLong()).isZero();
		assertThat(admin("GET", ADMIN_PRODUCTS + "/secret-draft-tee", null).json().get("status").asString())
			.isEqualTo("draft");
	}

	@Test
	void duplicateSlugIsAConflictAndChangesNothing() {
		Response response = admin("POST", ADMIN_PRODUCTS,
				aProduct("rainbow-stripe-tee").withVariant("LT-9003-RED-4T", "4T", "red", 5).build());

		assertProblem(response, 409, "duplicate");
		assertThat(response.json().get("detail").asString()).contains("rainbow-stripe-tee");
		assertThat(this.products.findBySlug("rainbow-stripe-tee").orElseThrow().getName())
			.isEqualTo("Rainbow Stripe Tee");
	}

	@Test
	void skuUsedByAnotherProductIsAConflict() {
		Response response = admin("POST", ADMIN_PRODUCTS,
				aProduct("copycat-tee").withVariant("LT-0001-WHITE-2T", "2T", "white", 5).build());

		assertProblem(response, 409, "duplicate");
		assertThat(this.products.existsBySlug("copycat-tee")).isFalse();
	}

	@Test
	void staleVersionIsAConflictAndKeepsTheNewerEdit() {
		admin("POST", ADMIN_PRODUCTS, aProduct("edited-twice").withVariant("LT-9004-RED-4T", "4T", "red", 5).build());
		assertThat(admin("PUT", ADMIN_PRODUCTS + "/edited-twice", update(0, "First edit")).status()).isEqualTo(200);

		Response stale = admin("PUT", ADMIN_PRODUCTS + "/edited-twice", update(0, "Lost edit"));

		assertProblem(stale, 409, "concurrent-modification");
		Product stored = this.products.findBySlug("edited-twice").orElseThrow();
		assertThat(stored.getName()).isEqualTo("First edit");
		assertThat(stored.getVersion()).isEqualTo(1);
	}

	@Test
	void editNeverOverwritesStockChangedMeanwhile() {
		admin("POST", ADMIN_PRODUCTS, aProduct("busy-tee").withVariant("LT-9005-RED-4T", "4T", "red", 5).build());
		admin("POST", ADMIN_PRODUCTS + "/busy-tee/variants/LT-9005-RED-4T/restock", "{\"quantity\": 7}");

		Response edited = admin("PUT", ADMIN_PRODUCTS + "/busy-tee", update(0, "Busy Tee"));
		Response moved = admin("PUT", ADMIN_PRODUCTS + "/busy-tee/variants/LT-9005-RED-4T",
				"{\"version\": 1, \"size\": \"5Y\", \"colour\": \"red\"}");

		assertThat(edited.status()).isEqualTo(200);
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		Variant variant = this.products.findBySlug("busy-tee").orElseThrow().variant("LT-9005-RED-4T").orElseThrow();
		assertThat(variant.stock()).isEqualTo(12);
		assertThat(variant.size()).isEqualTo(Size.Y5);
	}

	@Test
	void editIsVisibleToShoppersAtOnce() {
		admin("POST", ADMIN_PRODUCTS, aProduct("renamed-tee").withVariant("LT-9006-RED-4T", "4T", "red", 5).build());
		assertThat(this.http.get("/api/catalog/products/renamed-tee").json().get("name").asString())
			.isEqualTo("Test Dungarees");

		admin("PUT", ADMIN_PRODUCTS + "/renamed-tee", update(0, "Renamed Tee"));

		assertThat(this.http.get("/api/catalog/products/renamed-tee").json().get("name").asString())
			.isEqualTo("Renamed Tee");
	}

	@Test
	void archivedProductDisappearsFromTheStorefrontButIsKept() {
		admin("POST", ADMIN_PRODUCTS, aProduct("old-tee").withVariant("LT-9007-RED-4T", "4T", "red", 5).build());
		assertThat(this.http.get("/api/catalog/products/old-tee").status()).isEqualTo(200);

		Response archived = admin("POST", ADMIN_PRODUCTS + "/old-tee/archive", null);
		Response again = admin("POST", ADMIN_PRODUCTS + "/old-tee/archive", null);

		assertThat(archived.json().get("status").asString()).isEqualTo("archived");
		assertThat(again.status()).isEqualTo(200);
		assertProblem(this.http.get("/api/catalog/products/old-tee"), 404, "product-not-found");
		assertThat(this.http.get("/api/catalog/products?q=Test%20Dungarees&pageSize=100").body())
			.doesNotContain("old-tee");
		assertThat(this.products.findBySlug("old-tee")).isPresent();
	}

	@Test
	void restockRaisesLiveAvailability() {
		String sku = SeedCatalog
			.variants(SeedCatalog.firstActive((p) -> SeedCatalog.text(p, "slug").equals("dinosaur-print-tee")))
			.get(0)
			.get("sku")
			.asString();
		int before = available("dinosaur-print-tee", sku);

		Response response = admin("POST", ADMIN_PRODUCTS + "/dinosaur-print-tee/variants/" + sku + "/restock",
				"{\"quantity\": 4}");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(available("dinosaur-print-tee", sku)).isEqualTo(before + 4);
		assertThat(this.http.get("/api/catalog/products?q=Dinosaur%20Print&inStock=true").json().get("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void restockOfUnknownVariantIsNotFound() {
		assertProblem(
				admin("POST", ADMIN_PRODUCTS + "/rainbow-stripe-tee/variants/LT-NOPE/restock", "{\"quantity\": 4}"),
				404, "variant-not-found");
	}

	@Test
	void addedVariantWithATakenSizeAndColourIsAConflict() {
		Response response = admin("POST", ADMIN_PRODUCTS + "/rainbow-stripe-tee/variants",
				"{\"sku\": \"LT-0001-WHITE-2T-B\", \"size\": \"2T\", \"colour\": \"white\", \"stock\": 1}");

		assertProblem(response, 409, "duplicate");
	}

	@Test
	void addedVariantIsOnTheProductPage() {
		Response response = admin("POST", ADMIN_PRODUCTS + "/rainbow-stripe-tee/variants",
				"{\"sku\": \"LT-0001-WHITE-7Y\", \"size\": \"7Y\", \"colour\": \"white\", \"stock\": 3}");

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(this.http.get("/api/catalog/products/rainbow-stripe-tee").json().get("sizes").toString())
			.contains("7Y");
	}

	@Test
	void invalidProductIsRefusedAndNothingIsStored() {
		long before = this.products.count();

		Response response = admin("POST", ADMIN_PRODUCTS,
				aProduct("").withVariant("LT-9008-RED-4T", "4T", "red", -1).build());

		assertProblem(response, 400, "validation-failed");
		assertThat(this.products.count()).isEqualTo(before);
	}

	@Test
	void searchTextWithMetacharactersFindsItLiterally() {
		admin("POST", ADMIN_PRODUCTS,
				aProduct("special-tee").with("name", "Tee (size 2+) $special.*")
					.withVariant("LT-9009-RED-4T", "4T", "red", 5)
					.build());

		assertThat(total("(size 2+) $special.*")).isEqualTo(1);
		assertThat(total(".*")).isEqualTo(1);
		assertThat(total("(size 2+)")).isEqualTo(1);
	}

	@Test
	void withoutATokenAdminIsUnauthorized() {
		Response response = this.http.send("POST", ADMIN_PRODUCTS,
				aProduct("anon-tee").withVariant("LT-9010-RED-4T", "4T", "red", 5).build(), "Content-Type",
				"application/json");

		assertProblem(response, 401, "unauthorized");
		assertThat(response.header("WWW-Authenticate")).contains("Bearer");
		assertThat(this.products.existsBySlug("anon-tee")).isFalse();
	}

	@Test
	void customerTokenOnAdminIsForbidden() {
		Response response = this.http.send("POST", ADMIN_PRODUCTS,
				aProduct("customer-tee").withVariant("LT-9011-RED-4T", "4T", "red", 5).build(), "Content-Type",
				"application/json", "Authorization", "Bearer " + TestJwts.token("user-1", "CUSTOMER"));

		assertProblem(response, 403, "forbidden");
		assertThat(this.products.existsBySlug("customer-tee")).isFalse();
	}

	@Test
	void adminListShowsEveryStatus() {
		JsonNode list = admin("GET", ADMIN_PRODUCTS + "?pageSize=100", null).json();

		List<String> statuses = new java.util.ArrayList<>();
		list.forEach((product) -> statuses.add(product.get("status").asString()));
		assertThat(statuses).contains("draft", "archived", "active");
	}

	private long total(String q) {
		return this.http
			.get("/api/catalog/products?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
			.json()
			.get("total")
			.asLong();
	}

	private int available(String slug, String sku) {
		for (JsonNode variant : this.http.get("/api/catalog/products/" + slug + "/availability")
			.json()
			.get("variants")) {
			if (variant.get("sku").asString().equals(sku)) {
				return variant.get("available").asInt();
			}
		}
		throw new AssertionError("no variant " + sku);
	}

	private static String update(long version, String name) {
		return json(Map.ofEntries(Map.entry("version", version), Map.entry("name", name),
				Map.entry("description", "Updated description."), Map.entry("category", "tops"),
				Map.entry("gender", "unisex"), Map.entry("seasons", List.of("summer")), Map.entry("material", "cotton"),
				Map.entry("care", List.of("Wash cool")), Map.entry("price", Map.of("amount", 1500, "currency", "GBP")),
				Map.entry("status", "active"), Map.entry("featured", false)));
	}

	private Response admin(String method, String path, String body) {
		String token = TestJwts.token("admin-1", "ADMIN");
		return (body != null) ? this.http.send(method, path, body, "Content-Type", "application/json", "Authorization",
				"Bearer " + token) : this.http.send(method, path, null, "Authorization", "Bearer " + token);
	}

	private static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + type);
	}

}
