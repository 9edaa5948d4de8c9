package com.littlethreads.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.ListedProduct;
import com.littlethreads.catalog.product.ListedProduct.ListedVariant;
import com.littlethreads.catalog.product.Listing;
import com.littlethreads.catalog.product.ProductSummary;
import com.littlethreads.catalog.product.Size;

/**
 * Answers one listing from a {@link Listing} in a single pass over its products in the
 * order asked for: the page, the total, and each facet counted under every current filter
 * except its own (so choosing "tops" still shows how many dresses there are), counting
 * products, not variants. A product failing one facet's filter still counts for that
 * facet; one failing two counts nowhere.
 */
final class ListingQuery {

	private ListingQuery() {
	}

	static ProductPage answer(Listing listing, SearchCriteria criteria) {
		Filters filters = new Filters(criteria);
		long[] categories = new long[Category.values().length];
		long[] genders = new long[Gender.values().length];
		long[] sizes = new long[Size.values().length];
		Map<String, long[]> colours = new HashMap<>();
		List<ProductSummary> items = new ArrayList<>(criteria.pageSize());
		long skip = (long) criteria.page() * criteria.pageSize();
		long total = 0;
		for (ListedProduct product : listing.in(criteria.sort().order())) {
			if (!filters.product(product)) {
				continue;
			}
			ProductSummary summary = product.summary();
			boolean category = filters.category(summary.category());
			boolean gender = filters.gender(summary.gender());
			if (!category && !gender) {
				continue;
			}
			// Variants matching every variant filter; sizes of those matching all but the
			// size filter; colours of those matching all but the colour filter.
			boolean variant = !filters.anyVariantFilter();
			int sizesSeen = 0;
			List<String> coloursSeen = new ArrayList<>(2);
			for (ListedVariant candidate : product.variants()) {
				boolean size = filters.size(candidate.size());
				boolean colour = filters.colour(candidate.colour());
				boolean stock = filters.stock(candidate);
				variant |= size && colour && stock;
				if (colour && stock) {
					sizesSeen |= 1 << candidate.size().ordinal();
				}
				if (size && stock && !coloursSeen.contains(candidate.colour())) {
					coloursSeen.add(candidate.colour());
				}
			}
			if (gender && variant) {
				categories[summary.category().ordinal()]++;
			}
			if (category && variant) {
				genders[summary.gender().ordinal()]++;
			}
			if (category && gender) {
				for (Size size : Size.values()) {
					if ((sizesSeen & (1 << size.ordinal())) != 0) {
						sizes[size.ordinal()]++;
					}
				}
				for (String colour : coloursSeen) {
					colours.computeIfAbsent(colour, (key) -> new long[1])[0]++;
				}
				if (variant) {
					total++;
					if (total > skip && items.size() < criteria.pageSize()) {
						items.add(summary);
					}
				}
			}
		}
		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		facets.put(Facet.CATEGORY.key(), inOrder(categories, Category.values()));
		facets.put(Facet.GENDER.key(), inOrder(genders, Gender.values()));
		facets.put(Facet.SIZE.key(), inOrder(sizes, Size.values()));
		facets.put(Facet.COLOUR.key(), byCountThenName(colours));
		return new ProductPage(List.copyOf(items), criteria.page(), criteria.pageSize(), total, facets);
	}

	/**
	 * Values of an enumerated dimension that some product has, in its natural order (the
	 * size scale, the category menu), spelled as the API spells them.
	 */
	private static List<FacetValue> inOrder(long[] counts, Enum<?>[] values) {
		List<FacetValue> facet = new ArrayList<>();
		for (Enum<?> value : values) {
			if (counts[value.ordinal()] > 0) {
				facet.add(new FacetValue(value.toString(), counts[value.ordinal()]));
			}
		}
		return List.copyOf(facet);
	}

	private static List<FacetValue> byCountThenName(Map<String, long[]> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> new FacetValue(entry.getKey(), entry.getValue()[0]))
			.sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
			.toList();
	}

	/**
	 * The criteria as tests on one product and one variant.
	 */
	private static final class Filters {

		private final SearchCriteria criteria;

		private final String text;

		Filters(SearchCriteria criteria) {
			this.criteria = criteria;
			String text = (criteria.text() != null) ? criteria.text().trim() : "";
			// Literal and case-insensitive, never a pattern: the text is only ever
			// looked for as it is.
			this.text = text.isEmpty() ? null : ListedProduct.lowerCase(text);
		}

		/**
		 * The filters that are not facets: price, featured and text.
		 */
		boolean product(ListedProduct product) {
			long price = product.summary().price().amount();
			return (this.criteria.minPrice() == null || price >= this.criteria.minPrice())
					&& (this.criteria.maxPrice() == null || price <= this.criteria.maxPrice())
					&& (this.criteria.featured() == null || product.summary().featured() == this.criteria.featured())
					&& (this.text == null || product.containsText(this.text));
		}

		boolean category(Category category) {
			return this.criteria.categories().isEmpty() || this.criteria.categories().contains(category);
		}

		boolean gender(Gender gender) {
			return this.criteria.genders().isEmpty() || this.criteria.genders().contains(gender);
		}

		boolean anyVariantFilter() {
			return !this.criteria.sizes().isEmpty() || !this.criteria.colours().isEmpty() || this.criteria.inStock();
		}

		boolean size(Size size) {
			return this.criteria.sizes().isEmpty() || this.criteria.sizes().contains(size);
		}

		boolean colour(String colour) {
			return this.criteria.colours().isEmpty() || this.criteria.colours().contains(colour);
		}

		boolean stock(ListedVariant variant) {
			return !this.criteria.inStock() || variant.inStock();
		}

	}

}
