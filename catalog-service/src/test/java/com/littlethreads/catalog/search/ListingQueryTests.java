package com.littlethreads.catalog.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.littlethreads.catalog.generator.CatalogGenerator;
import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.ListedProduct;
import com.littlethreads.catalog.product.Listing;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.catalog.product.Size;
import com.littlethreads.catalog.product.Variant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass listing against a plain reading of the listing's rules over a generated
 * catalog, for hundreds of random filter combinations: the same page, total and facets.
 * The plain reading spells out, per facet, the MongoDB queries listings were once
 * answered with: every filter but the facet's own on the product, then the variants that
 * pass the remaining variant filters.
 */
class ListingQueryTests {

	private static final List<Product> PRODUCTS = CatalogGenerator.generate(800, 7, "GBP");

	private static final Listing LISTING = Listing.of(1,
			PRODUCTS.stream()
				.filter((product) -> product.getStatus() == ProductStatus.ACTIVE)
				.map(ListedProduct::of)
				.toList());

	private static final ListingIndex INDEX = ListingIndex.of(LISTING);

	private static final List<String> COLOURS = List.of("red", "navy", "pink", "sage", "mustard", "no-such-colour");

	private static final List<String> WORDS = List.of("stripe", "DINOSAUR", "organic cotton", "pockets", "zzz", "-",
			" hoodie ");

	@Test
	void answersAsThePlainReadingOfTheRulesDoes() {
		Random random = new Random(42);
		for (int i = 0; i < 400; i++) {
			SearchCriteria criteria = randomCriteria(random);

			ProductPage answer = ListingQuery.answer(INDEX, criteria);

			assertThat(answer).as(criteria.toString()).isEqualTo(expected(criteria));
		}
	}

	private static SearchCriteria randomCriteria(Random random) {
		Set<Category> categories = some(random, Category.values());
		Set<Gender> genders = some(random, Gender.values());
		Set<Size> sizes = some(random, Size.values());
		Set<String> colours = new LinkedHashSet<>();
		while (random.nextInt(3) == 0) {
			colours.add(COLOURS.get(random.nextInt(COLOURS.size())));
		}
		Long minPrice = (random.nextInt(3) == 0) ? (long) random.nextInt(3000) : null;
		Long maxPrice = (random.nextInt(3) == 0) ? (long) (1000 + random.nextInt(4000)) : null;
		Boolean featured = (random.nextInt(6) == 0) ? random.nextBoolean() : null;
		String text = (random.nextInt(4) == 0) ? WORDS.get(random.nextInt(WORDS.size())) : null;
		return new SearchCriteria(categories, genders, sizes, colours, minPrice, maxPrice, random.nextBoolean(),
				featured, text, ProductSort.values()[random.nextInt(ProductSort.values().length)], random.nextInt(4),
				1 + random.nextInt(30));
	}

	@SafeVarargs
	private static <E extends Enum<E>> Set<E> some(Random random, E... values) {
		Set<E> picked = new LinkedHashSet<>();
		while (random.nextInt(3) == 0) {
			picked.add(values[random.nextInt(values.length)]);
		}
		return picked;
	}

	private static ProductPage expected(SearchCriteria criteria) {
		List<Product> matching = PRODUCTS.stream()
			.filter((product) -> matches(product, criteria, null))
			.sorted(order(criteria.sort()))
			.toList();
		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		facets.put("category",
				enumFacet(criteria, Facet.CATEGORY, (product) -> Set.of(product.getCategory()), Category.values()));
		facets.put("gender",
				enumFacet(criteria, Facet.GENDER, (product) -> Set.of(product.getGender()), Gender.values()));
		facets.put("size",
				enumFacet(criteria, Facet.SIZE,
						(product) -> product.getVariants()
							.stream()
							.filter((variant) -> variantMatches(variant, criteria, Facet.SIZE))
							.map(Variant::size)
							.collect(Collectors.toSet()),
						Size.values()));
		Map<String, Long> colours = new TreeMap<>();
		PRODUCTS.stream()
			.filter((product) -> matches(product, criteria, Facet.COLOUR))
			.forEach((product) -> product.getVariants()
				.stream()
				.filter((variant) -> variantMatches(variant, criteria, Facet.COLOUR))
				.map(Variant::colour)
				.distinct()
				.forEach((colour) -> colours.merge(colour, 1L, Long::sum)));
		facets.put("colour",
				colours.entrySet()
					.stream()
					.map((entry) -> new FacetValue(entry.getKey(), entry.getValue()))
					.sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
					.toList());
		int from = Math.min(matching.size(), criteria.page() * criteria.pageSize());
		return new ProductPage(matching.subList(from, Math.min(matching.size(), from + criteria.pageSize()))
			.stream()
			.map((product) -> ListedProduct.of(product).summary())
			.toList(), criteria.page(), criteria.pageSize(), matching.size(), facets);
	}

	private static <E extends Enum<E>> List<FacetValue> enumFacet(SearchCriteria criteria, Facet facet,
			Function<Product, Set<E>> values, E[] order) {
		Map<E, Long> counts = new LinkedHashMap<>();
		PRODUCTS.stream()
			.filter((product) -> matches(product, criteria, facet))
			.forEach((product) -> values.apply(product).forEach((value) -> counts.merge(value, 1L, Long::sum)));
		return Arrays.stream(order)
			.filter(counts::containsKey)
			.map((value) -> new FacetValue(value.toString(), counts.get(value)))
			.toList();
	}

	/**
	 * The product filter, leaving out one facet's own filter (for counting that facet).
	 */
	private static boolean matches(Product product, SearchCriteria criteria, Facet without) {
		String text = (criteria.text() != null) ? criteria.text().trim().toLowerCase(Locale.ROOT) : "";
		boolean variantFilter = (!criteria.sizes().isEmpty() && without != Facet.SIZE)
				|| (!criteria.colours().isEmpty() && without != Facet.COLOUR) || criteria.inStock();
		return product.getStatus() == ProductStatus.ACTIVE
				&& (criteria.categories().isEmpty() || without == Facet.CATEGORY
						|| criteria.categories().contains(product.getCategory()))
				&& (criteria.genders().isEmpty() || without == Facet.GENDER
						|| criteria.genders().contains(product.getGender()))
				&& (criteria.minPrice() == null || product.getPrice().amount() >= criteria.minPrice())
				&& (criteria.maxPrice() == null || product.getPrice().amount() <= criteria.maxPrice())
				&& (criteria.featured() == null || product.isFeatured() == criteria.featured())
				&& (text.isEmpty() || product.getName().toLowerCase(Locale.ROOT).contains(text)
						|| product.getDescription().toLowerCase(Locale.ROOT).contains(text))
				&& (!variantFilter || product.getVariants()
					.stream()
					.anyMatch((variant) -> variantMatches(variant, criteria, without)));
	}

	private static boolean variantMatches(Variant variant, SearchCriteria criteria, Facet without) {
		return (criteria.sizes().isEmpty() || without == Facet.SIZE || criteria.sizes().contains(variant.size()))
				&& (criteria.colours().isEmpty() || without == Facet.COLOUR
						|| criteria.colours().contains(variant.colour()))
				&& (!criteria.inStock() || variant.stock() > 0);
	}

	private static Comparator<Product> order(ProductSort sort) {
		Comparator<Product> order = switch (sort) {
			case NEWEST -> Comparator.comparing(Product::getCreatedAt).reversed();
			case PRICE_ASC -> Comparator.comparingLong((Product product) -> product.getPrice().amount());
			case PRICE_DESC -> Comparator.comparingLong((Product product) -> product.getPrice().amount()).reversed();
			case NAME -> Comparator.comparing(Product::getName);
		};
		return order.thenComparing(Product::getSlug);
	}

}
