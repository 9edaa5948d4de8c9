package com.littlethreads.catalog.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.catalog.SeedCatalog;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.littlethreads.catalog.SeedCatalog.hasVariant;
import static com.littlethreads.catalog.SeedCatalog.text;
import static com.littlethreads.catalog.SeedCatalog.variants;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product's page and its live availability, as the storefront fetches them over HTTP,
 * checked against the seed file.
 */
@CatalogServiceTest
class ProductPageIntegrationTests extends ServiceHttpTest {

	private static final String PRODUCT_NOT_FOUND = "https://littlethreads.shop/problems/product-not-found";

	/** The size scale from newborn to 14 years, the order a size picker shows. */
	private static final List<String> SCALE = List.of("0-3M", "3-6M", "6-12M", "12-18M", "18-24M", "2T", "3T", "4T",
			"5Y", "6Y", "7Y", "8Y", "9Y", "10Y", "11Y", "12Y", "13Y", "14Y");

	@Test
	void activeProductShowsItsDetailsSizesInScaleOrderAndNoStock() {
		JsonNode seed = productWithSizesOutOfAlphabeticalOrder();

		Response response = this.http.get(page(seed));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode product = response.json();
		assertThat(product.get("slug").asString()).isEqualTo(text(seed, "slug"));
		assertThat(product.get("name").asString()).isEqualTo(text(seed, "name"));
		assertThat(product.get("price").get("amount").asLong()).isEqualTo(seed.get("price").get("amount").asLong());
		assertThat(product.get("price").get("currency").asString()).isEqualTo(text(seed.get("price"), "currency"));
		assertThat(strings(product.get("sizes"))).containsExactlyElementsOf(sizesInScaleOrder(seed));
		assertThat(product.get("variants")).hasSize(variants(seed).size());
		product.get("variants").forEach((variant) -> {
			assertThat(variant.has("stock")).as(variant.toString()).isFalse();
			assertThat(variant.has("available")).as(variant.toString()).isFalse();
		});
		assertThat(strings(product.get("variants"), "sku")).containsExactlyInAnyOrderElementsOf(
				variants(seed).stream().map((variant) -> text(variant, "sku")).toList());
		assertThat(response.body()).doesNotContain("\"stock\"").doesNotContain("\"available\"");
	}

	@Test
	void productPageIsPubliclyCacheableWithAStrongEtag() {
		Response response = this.http.get(page(SeedCatalog.active().get(0)));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).isEqualTo("max-age=60, public");
		assertThat(response.header("ETag")).matches("\"[^\"]+\"");
	}

	@Test
	void productPageRevalidatedWithItsEtagIsNotModified() {
		String page = page(SeedCatalog.active().get(0));
		String etag = this.http.get(page).header("ETag");

		Response revalidated = this.http.get(page, "If-None-Match", etag);

		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(revalidated.header("ETag")).isEqualTo(etag);
	}

	/**
	 * The gateway passes the tag on weak when it may gzip the page; a browser then
	 * revalidates with the weak tag, and must still get its 304.
	 */
	@Test
	void productPageRevalidatedWithTheWeakTagTheGatewayGaveIsNotModified() {
		String page = page(SeedCatalog.active().get(0));
		String etag = this.http.get(page).header("ETag");

		Response revalidated = this.http.get(page, "If-None-Match", "W/" + etag);

		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "draft", "archived" })
	void productsShoppersMayNotSeeAreNotFound(String status) {
		JsonNode seed = SeedCatalog.all()
			.stream()
			.filter((product) -> text(product, "status").equals(status))
			.findFirst()
			.orElseThrow();

		assertProductNotFound(this.http.get(page(seed)), text(seed, "slug"));
		assertProductNotFound(this.http.get(page(seed) + "/availability"), text(seed, "slug"));
	}

	@Test
	void unknownProductIsNotFound() {
		assertProductNotFound(this.http.get("/api/catalog/products/no-such-product"), "no-such-product");
		assertProductNotFound(this.http.get("/api/catalog/products/no-such-product/availability"), "no-such-product");
	}

	@Test
	void availabilityIsLiveStockNeverCached() {
		JsonNode seed = SeedCatalog.firstActive((product) -> hasVariant(product, (variant) -> inStock(variant))
				&& hasVariant(product, (variant) -> !inStock(variant)));

		Response response = this.http.get(page(seed) + "/availability");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.header("ETag")).isNull();
		JsonNode availability = response.json();
		assertThat(availability.get("slug").asString()).isEqualTo(text(seed, "slug"));
		assertThat(availability.get("inStock").asBoolean()).isTrue();
		Map<String, JsonNode> bySku = bySku(availability.get("variants"));
		assertThat(bySku).hasSameSizeAs(variants(seed));
		for (JsonNode expected : variants(seed)) {
			JsonNode actual = bySku.get(text(expected, "sku"));
			assertThat(actual).as(text(expected, "sku")).isNotNull();
			assertThat(actual.get("size").asString()).isEqualTo(text(expected, "size"));
			assertThat(actual.get("colour").asString()).isEqualTo(text(expected, "colour"));
			assertThat(actual.get("available").asInt()).as(text(expected, "sku"))
				.isEqualTo(expected.get("stock").asInt());
			assertThat(actual.get("inStock").asBoolean()).as(text(expected, "sku")).isEqualTo(inStock(expected));
		}
	}

	@Test
	void soldOutProductIsOutOfStockEverywhere() {
		JsonNode seed = SeedCatalog.firstActive((product) -> !hasVariant(product, (variant) -> inStock(variant)));

		JsonNode availability = this.http.get(page(seed) + "/availability").json();

		assertThat(availability.get("inStock").asBoolean()).isFalse();
		assertThat(availability.get("variants")).hasSize(variants(seed).size());
		availability.get("variants").forEach((variant) -> {
			assertThat(variant.get("inStock").asBoolean()).as(variant.toString()).isFalse();
			assertThat(variant.get("available").asInt()).as(variant.toString()).isZero();
		});
	}

	private static void assertProductNotFound(Response response, String slug) {
		assertThat(response.status()).as(response.body()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(PRODUCT_NOT_FOUND);
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("detail").asString()).contains(slug);
	}

	/**
	 * An active product whose sizes sort differently as text (10Y before 5Y) than on the
	 * scale, so a page listing them as text or in any other order is caught.
	 */
	private static JsonNode productWithSizesOutOfAlphabeticalOrder() {
		return SeedCatalog.firstActive((product) -> {
			List<String> sizes = sizesInScaleOrder(product);
			return !sizes.equals(sizes.stream().sorted().toList());
		});
	}

	private static List<String> sizesInScaleOrder(JsonNode product) {
		return variants(product).stream()
			.map((variant) -> text(variant, "size"))
			.distinct()
			.sorted((a, b) -> Integer.compare(SCALE.indexOf(a), SCALE.indexOf(b)))
			.toList();
	}

	private static boolean inStock(JsonNode variant) {
		return variant.get("stock").asInt() > 0;
	}

	private static String page(JsonNode product) {
		return "/api/catalog/products/" + text(product, "slug");
	}

	private static Map<String, JsonNode> bySku(JsonNode variants) {
		List<JsonNode> all = new ArrayList<>();
		variants.forEach(all::add);
		return all.stream().collect(Collectors.toMap((variant) -> text(variant, "sku"), Function.identity()));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static List<String> strings(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(text(value, field)));
		return values;
	}

}
