package com.littlethreads.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.catalog.SeedCatalog;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.littlethreads.catalog.SeedCatalog.hasVariant;
import static com.littlethreads.catalog.SeedCatalog.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing, checked against the seeded catalog on a real store. Expected numbers are
 * computed here from the seed file with plain Java, independently of the service's
 * queries. Subclasses choose the store.
 */
abstract class ProductSearchContract extends ServiceHttpTest {

	@Autowired
	ProductSearch search;

	@Test
	void unfilteredListingShowsEveryActiveProductAndNothingElse() {
		JsonNode page = list("pageSize=100");

		assertThat(page.get("total").asLong()).isEqualTo(SeedCatalog.active().size());
		Set<String> slugs = slugs(page);
		SeedCatalog.all().forEach((product) -> {
			boolean active = text(product, "status").equals("active");
			assertThat(slugs.contains(text(product, "slug"))).as(text(product, "slug")).isEqualTo(active);
		});
	}

	@Test
	void defaultPageHas24ItemsAndTheTotal() {
		JsonNode page = list("");

		assertThat(page.get("items")).hasSize(24);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("pageSize").asInt()).isEqualTo(24);
		assertThat(page.get("total").asLong()).isEqualTo(SeedCatalog.active().size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "tops", "bottoms", "dresses", "outerwear", "sleepwear", "swimwear", "accessories" })
	void categoryFilterMatchesTheSeed(String category) {
		JsonNode page = list("category=" + category + "&pageSize=100");

		assertThat(page.get("total").asLong())
			.isEqualTo(SeedCatalog.countActive((product) -> text(product, "category").equals(category)));
		page.get("items").forEach((item) -> assertThat(item.get("category").asString()).isEqualTo(category));
	}

	@Test
	void sizeColourAndInStockApplyToOneVariantTogether() {
		JsonNode page = list("size=4T&colour=navy&inStock=true&pageSize=100");

		long expected = SeedCatalog
			.countActive((product) -> hasVariant(product, (variant) -> text(variant, "size").equals("4T")
					&& text(variant, "colour").equals("navy") && variant.get("stock").asInt() > 0));
		assertThat(expected).isPositive();
		assertThat(page.get("total").asLong()).isEqualTo(expected);
	}

	@Test
	void inStockLeavesOutSoldOutProducts() {
		JsonNode all = list("pageSize=100");
		JsonNode inStock = list("inStock=true&pageSize=100");

		long soldOut = SeedCatalog
			.countActive((product) -> !hasVariant(product, (variant) -> variant.get("stock").asInt() > 0));
		assertThat(soldOut).isPositive();
		assertThat(inStock.get("total").asLong()).isEqualTo(all.get("total").asLong() - soldOut);
		inStock.get("items").forEach((item) -> assertThat(item.get("inStock").asBoolean()).isTrue());
	}

	@Test
	void repeatedValuesOfOneFilterAreAlternatives() {
		JsonNode page = list("gender=girls&gender=boys&category=dresses,tops&pageSize=100");

		long expected = SeedCatalog.countActive((product) -> Set.of("girls", "boys").contains(text(product, "gender"))
				&& Set.of("dresses", "tops").contains(text(product, "category")));
		assertThat(page.get("total").asLong()).isEqualTo(expected);
	}

	@Test
	void priceRangeIsInclusive() {
		JsonNode cheapest = list("sort=price-asc&pageSize=1").get("items").get(0);
		long low = cheapest.get("price").get("amount").asLong();

		JsonNode page = list("minPrice=" + low + "&maxPrice=2000&pageSize=100");

		long expected = SeedCatalog.countActive((product) -> {
			long amount = product.get("price").get("amount").asLong();
			return amount >= low && amount <= 2000;
		});
		assertThat(page.get("total").asLong()).isEqualTo(expected);
		assertThat(slugs(page)).contains(cheapest.get("slug").asString());
	}

	@Test
	void facetsCountProductsUnderEveryFilterButTheirOwn() {
		JsonNode facets = list("category=tops&size=4T").get("facets");

		Predicate<JsonNode> isTops = (product) -> text(product, "category").equals("tops");
		Predicate<JsonNode> has4T = (product) -> hasVariant(product, (variant) -> text(variant, "size").equals("4T"));
		assertThat(counts(facets.get("category"))).isEqualTo(expectedCounts(has4T, this::categoriesOf));
		assertThat(counts(facets.get("gender"))).isEqualTo(expectedCounts(isTops.and(has4T), this::genderOf));
		assertThat(counts(facets.get("size"))).isEqualTo(expectedCounts(isTops, this::sizesOf));
		assertThat(counts(facets.get("colour")))
			.isEqualTo(expectedCounts(isTops, (product) -> coloursOf(product, "4T")));
	}

	@Test
	void sizeFacetFollowsTheSizeScale() {
		List<String> sizes = new ArrayList<>();
		list("").get("facets").get("size").forEach((value) -> sizes.add(value.get("value").asString()));

		List<String> scale = List.of("0-3M", "3-6M", "6-12M", "12-18M", "18-24M", "2T", "3T", "4T", "5Y", "6Y", "7Y",
				"8Y", "9Y", "10Y", "11Y", "12Y", "13Y", "14Y");
		assertThat(sizes).isSortedAccordingTo(Comparator.comparingInt(scale::indexOf));
	}

	@Test
	void pagesCoverEveryProductOnceWhenPricesTie() {
		int total = SeedCatalog.active().size();
		List<String> seen = new ArrayList<>();
		for (int page = 0; page * 7 < total; page++) {
			JsonNode result = list("sort=price-asc&pageSize=7&page=" + page);
			int expectedSize = Math.min(7, total - page * 7);
			assertThat(result.get("items")).hasSize(expectedSize);
			result.get("items").forEach((item) -> seen.add(item.get("slug").asString()));
		}
		assertThat(seen).hasSize(total).doesNotHaveDuplicates();
	}

	@Test
	void pageBeyondTheEndIsEmptyWithTheTotal() {
		JsonNode page = list("page=50&pageSize=10");

		assertThat(page.get("items")).isEmpty();
		assertThat(page.get("total").asLong()).isEqualTo(SeedCatalog.active().size());
	}

	@Test
	void largestPageSizeIsAccepted() {
		assertThat(this.http.get("/api/catalog/products?pageSize=100").status()).isEqualTo(200);
		assertThat(this.http.get("/api/catalog/products?pageSize=101").status()).isEqualTo(400);
	}

	@Test
	void sortsByPriceBothWaysAndByName() {
		assertThat(amounts(list("sort=price-asc&pageSize=100"))).isSorted();
		assertThat(amounts(list("sort=price-desc&pageSize=100"))).isSortedAccordingTo(Comparator.reverseOrder());
		List<String> names = new ArrayList<>();
		list("sort=name&pageSize=100").get("items").forEach((item) -> names.add(item.get("name").asString()));
		assertThat(names).isSorted();
	}

	@Test
	void newestFirstByDefault() {
		JsonNode first = list("pageSize=1").get("items").get(0);

		assertThat(first.get("slug").asString()).isEqualTo(text(SeedCatalog.active().get(0), "slug"));
	}

	@Test
	void textSearchIsCaseInsensitiveOverNameAndDescription() {
		JsonNode page = list("q=STRIPE&pageSize=100");

		long expected = SeedCatalog.countActive((product) -> contains(product, "stripe"));
		assertThat(expected).isPositive();
		assertThat(page.get("total").asLong()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { ".*(", "\\", "$where", ".*", "[a-z]+", "^", "a|b", "(", "*", "\\E", "\\Qx\\E", "(?s).",
			"a{1,}", "#x", "/x/", "\\d", "dress)" })
	void regexMetacharactersAreMatchedLiterally(String q) {
		Response response = this.http.get("/api/catalog/products?pageSize=100&q=" + encode(q));

		assertThat(response.status()).isEqualTo(200);
		long expected = SeedCatalog.countActive((product) -> contains(product, q));
		assertThat(response.json().get("total").asLong()).isEqualTo(expected);
	}

	@Test
	void textWithAControlCharacterIsMatchedLiterally() {
		// The platform refuses such parameters at the door; the read model's text match
		// must not depend on that.
		for (String text : List.of("Dr\u0000ess", "a\u0001b", "\u007f", "\u0085x")) {
			ProductPage page = this.search.search(new SearchCriteria(Set.of(), Set.of(), Set.of(), Set.of(), null, null,
					false, null, text, ProductSort.NEWEST, 0, 24));

			assertThat(page.total()).as(text).isZero();
		}
	}

	@Test
	void textWithANulByteIsNeverAServerError() {
		Response response = this.http.get("/api/catalog/products?q=Dr%00ess");

		assertThat(response.status()).as(response.body()).isIn(200, 400);
	}

	@Test
	void listingHasAStrongEtagAndAnswers304() {
		Response first = this.http.get("/api/catalog/products?category=dresses");
		String etag = first.header("ETag");

		assertThat(etag).startsWith("\"").doesNotStartWith("W/");
		assertThat(first.header("Cache-Control")).isEqualTo("max-age=60, public");
		Response second = this.http.get("/api/catalog/products?category=dresses", "If-None-Match", etag);
		assertThat(second.status()).isEqualTo(304);
		assertThat(second.body()).isEmpty();
		assertThat(second.header("ETag")).isEqualTo(etag);
	}

	@Test
	void categoriesAreCountedInMenuOrder() {
		Response response = this.http.get("/api/catalog/categories");

		List<String> categories = new ArrayList<>();
		response.json().forEach((category) -> {
			categories.add(category.get("category").asString());
			String name = category.get("category").asString();
			assertThat(category.get("count").asLong())
				.isEqualTo(SeedCatalog.countActive((product) -> text(product, "category").equals(name)));
		});
		assertThat(categories).containsExactly("tops", "bottoms", "dresses", "outerwear", "sleepwear", "swimwear",
				"accessories");
		assertThat(response.header("ETag")).isNotBlank();
	}

	private JsonNode list(String query) {
		Response response = this.http.get("/api/catalog/products?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static Set<String> slugs(JsonNode page) {
		Set<String> slugs = new HashSet<>();
		page.get("items").forEach((item) -> slugs.add(item.get("slug").asString()));
		return slugs;
	}

	private static List<Long> amounts(JsonNode page) {
		List<Long> amounts = new ArrayList<>();
		page.get("items").forEach((item) -> amounts.add(item.get("price").get("amount").asLong()));
		return amounts;
	}

	private static Map<String, Long> counts(JsonNode facet) {
		Map<String, Long> counts = new LinkedHashMap<>();
		facet.forEach((value) -> counts.put(value.get("value").asString(), value.get("count").asLong()));
		return counts;
	}

	private Map<String, Long> expectedCounts(Predicate<JsonNode> filter,
			java.util.function.Function<JsonNode, Set<String>> values) {
		Map<String, Long> counts = new LinkedHashMap<>();
		SeedCatalog.active()
			.stream()
			.filter(filter)
			.forEach((product) -> values.apply(product).forEach((value) -> counts.merge(value, 1L, Long::sum)));
		return counts;
	}

	private Set<String> categoriesOf(JsonNode product) {
		return Set.of(text(product, "category"));
	}

	private Set<String> genderOf(JsonNode product) {
		return Set.of(text(product, "gender"));
	}

	private Set<String> sizesOf(JsonNode product) {
		Set<String> sizes = new HashSet<>();
		SeedCatalog.variants(product).forEach((variant) -> sizes.add(text(variant, "size")));
		return sizes;
	}

	private Set<String> coloursOf(JsonNode product, String size) {
		Set<String> colours = new HashSet<>();
		SeedCatalog.variants(product)
			.stream()
			.filter((variant) -> text(variant, "size").equals(size))
			.forEach((variant) -> colours.add(text(variant, "colour")));
		return colours;
	}

	private static boolean contains(JsonNode product, String text) {
		String needle = text.toLowerCase(Locale.ROOT);
		return text(product, "name").toLowerCase(Locale.ROOT).contains(needle)
				|| text(product, "description").toLowerCase(Locale.ROOT).contains(needle);
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
