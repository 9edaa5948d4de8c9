package com.littlethreads.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.annotation.DirtiesContext;

import com.littlethreads.platform.test.HostileInputs;
import com.littlethreads.platform.test.HostileInputs.Baseline;
import com.littlethreads.platform.test.HostileInputs.Values;
import com.littlethreads.platform.test.OpenApiOperations.Operation;
import com.littlethreads.platform.test.RawHttp;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static com.littlethreads.catalog.product.ProductJson.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the catalog's OpenAPI document, sent the hostile-input corpus: no
 * 5xx, every 4xx a problem, no stack trace, class name or framework page, and what the
 * shared rules refuse is refused (see {@link HostileInputs}).
 */
@CatalogServiceTest
@DirtiesContext // It creates, edits and archives products no other test may see.
class HostileInputTests extends ServiceHttpTest {

	private static final String ADMIN = TestJwts.token("hostile-admin", "ADMIN");

	/**
	 * Edited, restocked and its variant changed by the suite.
	 */
	private static final String EDITED = "hostile-suite-edited";

	private static final String EDITED_SKU = "HS-EDIT-RED-4T";

	/**
	 * Gets a new variant for each request that adds one.
	 */
	private static final String GROWING = "hostile-suite-growing";

	private static final String ARCHIVED = "hostile-suite-archived";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AtomicInteger counter = new AtomicInteger();

	private final AtomicLong editedVersion = new AtomicLong(-1);

	@Test
	void everyOperationAnswersHostileInputWithAProblemAndNothingWorse() {
		createProduct(EDITED, EDITED_SKU);
		createProduct(GROWING, "HS-GROW-RED-4T");
		createProduct(ARCHIVED, "HS-ARCH-RED-4T");
		String shopperSlug = SeedCatalog.active().get(0).get("slug").asString();
		String shopperSku = SeedCatalog.variants(SeedCatalog.active().get(0)).get(0).get("sku").asString();

		HostileInputs.against("catalog-service", this.port).threads(3).fixture(new HostileInputs.Fixture() {

			@Override
			public List<Baseline> baselines(Operation operation) {
				Baseline valid = Baseline.of("valid", () -> values(operation, shopperSlug, shopperSku));
				// Edits of one product are versioned: overlapping ones would conflict
				// with
				// each other rather than meet the hostile value.
				boolean edit = operation.method().equals("PUT") || operation.path().endsWith("/variants");
				return List.of(edit ? valid.inSequence() : valid);
			}

			@Override
			public Map<String, String> foreignTokens(Operation operation) {
				Map<String, String> tokens = new LinkedHashMap<>();
				tokens.put("signed-by-another-key", TestJwts.builder().roles("ADMIN").signedByStranger().sign());
				tokens.put("expired", TestJwts.builder().roles("ADMIN").expiredFor(Duration.ofMinutes(5)).sign());
				tokens.put("wrong-audience", TestJwts.builder().roles("ADMIN").audience("another-shop").sign());
				tokens.put("service-token-on-user-path", TestJwts.serviceToken("payment-service", "inventory:reserve"));
				if (operation.path().startsWith("/api/catalog/admin/")) {
					tokens.put("customer-on-admin-path", TestJwts.token("hostile-customer", "CUSTOMER"));
				}
				return tokens;
			}

		}).run().assertNoViolations();
	}

	private Values values(Operation operation, String shopperSlug, String shopperSku) {
		int n = this.counter.incrementAndGet();
		return switch (operation.key()) {
			case "GET /api/catalog/admin/products" -> admin();
			case "GET /api/catalog/admin/products/{slug}" -> admin().path("slug", EDITED);
			case "POST /api/catalog/admin/products" -> admin().set("/slug", "hostile-new-" + n)
				.set("/price/currency", "GBP")
				.set("/price/amount", 1500)
				.set("/variants/0/sku", "HS-NEW-" + n)
				.set("/variants/0/size", "4T")
				.set("/variants/0/colour", "red");
			case "PUT /api/catalog/admin/products/{slug}" -> admin().path("slug", EDITED)
				.set("/version", editedVersion())
				.afterResponse(this::trackVersion)
				.set("/price/currency", "GBP")
				.set("/price/amount", 1500)
				.set("/status", "active");
			case "POST /api/catalog/admin/products/{slug}/archive" -> admin().path("slug", ARCHIVED);
			case "POST /api/catalog/admin/products/{slug}/variants" -> admin().path("slug", GROWING)
				.set("/sku", "HS-GROW-" + n)
				.set("/size", "4T")
				.set("/colour", colour(n))
				.set("/stock", 1);
			case "PUT /api/catalog/admin/products/{slug}/variants/{sku}" -> admin().path("slug", EDITED)
				.path("sku", EDITED_SKU)
				.set("/version", editedVersion())
				.afterResponse(this::trackVersion)
				.set("/size", "4T")
				.set("/colour", "red");
			case "POST /api/catalog/admin/products/{slug}/variants/{sku}/restock" ->
				admin().path("slug", EDITED).path("sku", EDITED_SKU).set("/quantity", 1);
			case "GET /api/catalog/variants" -> new Values().query("sku", shopperSku);
			case "GET /api/catalog/products/{slug}", "GET /api/catalog/products/{slug}/availability" ->
				new Values().path("slug", shopperSlug);
			case "GET /api/catalog/images/{category}/{colour}.svg" ->
				new Values().path("category", "tops").path("colour", "red");
			default -> new Values();
		};
	}

	private static Values admin() {
		return new Values().bearer(ADMIN);
	}

	private void createProduct(String slug, String sku) {
		Response created = this.http.send("POST", "/api/catalog/admin/products",
				aProduct(slug).withVariant(sku, "4T", "red", 50).build(), "Authorization", "Bearer " + ADMIN,
				"Content-Type", "application/json");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	/**
	 * The edited product's version, read once and then followed from the answers to the
	 * edits, which return it.
	 */
	private long editedVersion() {
		if (this.editedVersion.get() < 0) {
			this.editedVersion.set(version(EDITED));
		}
		return this.editedVersion.get();
	}

	private void trackVersion(RawHttp.Request request, RawHttp.Response response) {
		if (response.successful()) {
			this.editedVersion.set(JSON.readTree(response.body()).get("version").asLong());
		}
		else if (response.status() == 409) {
			this.editedVersion.set(-1);
		}
	}

	private long version(String slug) {
		Response product = this.http.get("/api/catalog/admin/products/" + slug, "Authorization", "Bearer " + ADMIN);
		assertThat(product.status()).as(product.body()).isEqualTo(200);
		return product.json().get("version").asLong();
	}

	/**
	 * A colour name no other variant has, so each added variant is distinct.
	 */
	private static String colour(int n) {
		StringBuilder letters = new StringBuilder();
		for (int rest = n; rest > 0; rest /= 26) {
			letters.append((char) ('a' + rest % 26));
		}
		return "hostile-" + letters;
	}

}
