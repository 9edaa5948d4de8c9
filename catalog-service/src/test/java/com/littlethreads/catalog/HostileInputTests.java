package com.littlethreads.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.annotation.DirtiesContext;

import com.littlethreads.platform.test.HostileInputs;
import com.littlethreads.platform.test.HostileInputs.Baseline;
import com.littlethreads.platform.test.HostileInputs.Pool;
import com.littlethreads.platform.test.HostileInputs.Values;
import com.littlethreads.platform.test.OpenApiOperations.Operation;
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
@Tag("slow") // the hostile-input corpus against every operation
@CatalogServiceTest
@DirtiesContext // It creates, edits and archives products no other test may see.
class HostileInputTests extends ServiceHttpTest {

	private static final String ADMIN = TestJwts.token("hostile-admin", "ADMIN");

	private static final String ARCHIVED = "hostile-suite-archived";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int THREADS = 3;

	private final AtomicInteger counter = new AtomicInteger();

	/**
	 * Products the suite edits, restocks and changes the variant of. Edits of one product
	 * are versioned: overlapping ones would conflict with each other rather than meet the
	 * hostile value, so each is lent to one request at a time, with its current version.
	 */
	private Pool<Edited> edited;

	/**
	 * Products that get a new variant for each request that adds one, lent likewise.
	 */
	private Pool<String> growing;

	@Test
	void everyOperationAnswersHostileInputWithAProblemAndNothingWorse() {
		this.edited = new Pool<>(THREADS, () -> {
			int n = this.counter.incrementAndGet();
			String slug = "hostile-suite-edited-" + n;
			String sku = "HS-EDIT-" + n + "-RED-4T";
			return new Edited(slug, sku, createProduct(slug, sku));
		});
		this.growing = new Pool<>(THREADS, () -> {
			int n = this.counter.incrementAndGet();
			createProduct("hostile-suite-growing-" + n, "HS-GROW-" + n + "-RED-4T");
			return "hostile-suite-growing-" + n;
		});
		createProduct(ARCHIVED, "HS-ARCH-RED-4T");
		String shopperSlug = SeedCatalog.active().get(0).get("slug").asString();
		String shopperSku = SeedCatalog.variants(SeedCatalog.active().get(0)).get(0).get("sku").asString();

		HostileInputs.against("catalog-service", this.port).threads(THREADS).fixture(new HostileInputs.Fixture() {

			@Override
			public List<Baseline> baselines(Operation operation) {
				Baseline valid = Baseline.of("valid", () -> values(operation, shopperSlug, shopperSku));
				// Edits send the product's version, and whether a hostile one (1.5)
				// passes depends on the version the product is at, so edits go one after
				// the other and every run lends the same product at the same version.
				return List.of(operation.method().equals("PUT") ? valid.inSequence() : valid);
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
			case "GET /api/catalog/admin/products/{slug}" -> admin().path("slug", ARCHIVED);
			case "POST /api/catalog/admin/products" -> admin().set("/slug", "hostile-new-" + n)
				.set("/price/currency", "GBP")
				.set("/price/amount", 1500)
				.set("/variants/0/sku", "HS-NEW-" + n)
				.set("/variants/0/size", "4T")
				.set("/variants/0/colour", "red");
			case "PUT /api/catalog/admin/products/{slug}" -> edit((product) -> admin().path("slug", product.slug())
				.set("/version", product.version())
				.set("/price/currency", "GBP")
				.set("/price/amount", 1500)
				.set("/status", "active"));
			case "POST /api/catalog/admin/products/{slug}/archive" -> admin().path("slug", ARCHIVED);
			case "POST /api/catalog/admin/products/{slug}/variants" ->
				this.growing.lend((slug) -> admin().path("slug", slug)
					.set("/sku", "HS-GROW-" + n)
					.set("/size", "4T")
					.set("/colour", colour(n))
					.set("/stock", 1));
			case "PUT /api/catalog/admin/products/{slug}/variants/{sku}" ->
				edit((product) -> admin().path("slug", product.slug())
					.path("sku", product.sku())
					.set("/version", product.version())
					.set("/size", "4T")
					.set("/colour", "red"));
			case "POST /api/catalog/admin/products/{slug}/variants/{sku}/restock" ->
				edit((product) -> admin().path("slug", product.slug()).path("sku", product.sku()).set("/quantity", 1));
			case "GET /api/catalog/variants" -> new Values().query("sku", shopperSku);
			case "GET /api/catalog/products/{slug}", "GET /api/catalog/products/{slug}/availability" ->
				new Values().path("slug", shopperSlug);
			case "GET /api/catalog/images/{category}/{colour}.svg" ->
				new Values().path("category", "tops").path("colour", "red");
			default -> new Values();
		};
	}

	/**
	 * Values for a request that changes an edited product, given back with the version
	 * the answer reports (read again after a conflict).
	 */
	private Values edit(Function<Edited, Values> values) {
		return this.edited.lend(values, (product, response) -> {
			if (response != null && response.successful()) {
				return product.at(JSON.readTree(response.body()).get("version").asLong());
			}
			if (response != null && response.status() == 409) {
				return product.at(version(product.slug()));
			}
			return product;
		});
	}

	private static Values admin() {
		return new Values().bearer(ADMIN);
	}

	private long createProduct(String slug, String sku) {
		Response created = this.http.send("POST", "/api/catalog/admin/products",
				aProduct(slug).withVariant(sku, "4T", "red", 50).build(), "Authorization", "Bearer " + ADMIN,
				"Content-Type", "application/json");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("version").asLong();
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

	/**
	 * A product the suite edits, as last seen.
	 *
	 * @param slug its slug
	 * @param sku its variant's SKU
	 * @param version its version
	 */
	private record Edited(String slug, String sku, long version) {

		Edited at(long version) {
			return new Edited(this.slug, this.sku, version);
		}

	}

}
