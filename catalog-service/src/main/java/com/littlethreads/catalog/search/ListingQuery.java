package com.littlethreads.catalog.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Colours;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.ListedProduct;
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
		long[] colours = new long[Colours.count()];
		// The colours of one product counted so far: a product has a handful.
		int[] productColours = new int[8];
		List<ProductSummary> items = new ArrayList<>(criteria.pageSize());
		long skip = (long) criteria.page() * criteria.pageSize();
		long total = 0;
		List<ListedProduct> products = listing.in(criteria.sort().order());
		for (int p = 0; p < products.size(); p++) {
			ListedProduct product = products.get(p);
			if (!filters.product(product)) {
				continue;
			}
			boolean category = filters.category(product.category());
			boolean gender = filters.gender(product.gender());
			if (!category && !gender) {
				continue;
			}
			// Whether a variant matches every variant filter; the sizes of those matching
			// all but the size filter; the colours of those matching all but the colour
			// filter.
			boolean variant = !filters.anyVariantFilter();
			int sizesSeen = 0;
			int coloursCounted = 0;
			for (int i = 0; i < product.variants(); i++) {
				boolean size = filters.size(product.size(i));
				boolean colour = filters.colour(product.colour(i));
				boolean stock = filters.stock(product.inStock(i));
				variant |= size && colour && stock;
				if (colour && stock) {
					sizesSeen |= 1 << product.size(i);
				}
				if (size && stock && category && gender
						&& !counted(productColours, coloursCounted, product.colour(i))) {
					if (coloursCounted == productColours.length) {
						productColours = Arrays.copyOf(productColours, coloursCounted * 2);
					}
					productColours[coloursCounted++] = product.colour(i);
					colours[product.colour(i)]++;
				}
			}
			if (gender && variant) {
				categories[product.category()]++;
			}
			if (category && variant) {
				genders[product.gender()]++;
			}
			if (category && gender) {
				for (int size = 0; sizesSeen != 0; size++, sizesSeen >>>= 1) {
					if ((sizesSeen & 1) != 0) {
						sizes[size]++;
					}
				}
				if (variant) {
					total++;
					if (total > skip && items.size() < criteria.pageSize()) {
						items.add(product.summary());
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

	private static boolean counted(int[] colours, int count, int colour) {
		for (int i = 0; i < count; i++) {
			if (colours[i] == colour) {
				return true;
			}
		}
		return false;
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

	private static List<FacetValue> byCountThenName(long[] counts) {
		List<FacetValue> facet = new ArrayList<>();
		for (int id = 0; id < counts.length; id++) {
			if (counts[id] > 0) {
				facet.add(new FacetValue(Colours.name(id), counts[id]));
			}
		}
		facet.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
		return List.copyOf(facet);
	}

	/**
	 * The criteria as tests on one product and one variant: sets of values become bit
	 * masks, so that each test is a few instructions.
	 */
	private static final class Filters {

		private final SearchCriteria criteria;

		private final long minPrice;

		private final long maxPrice;

		private final String text;

		private final int categories;

		private final int genders;

		private final int sizes;

		private final BitSet colours;

		Filters(SearchCriteria criteria) {
			this.criteria = criteria;
			this.minPrice = (criteria.minPrice() != null) ? criteria.minPrice() : Long.MIN_VALUE;
			this.maxPrice = (criteria.maxPrice() != null) ? criteria.maxPrice() : Long.MAX_VALUE;
			String text = (criteria.text() != null) ? criteria.text().trim() : "";
			// Literal and case-insensitive, never a pattern: the text is only ever
			// looked for as it is.
			this.text = text.isEmpty() ? null : ListedProduct.lowerCase(text);
			this.categories = mask(criteria.categories());
			this.genders = mask(criteria.genders());
			this.sizes = mask(criteria.sizes());
			this.colours = new BitSet();
			// A colour no product has ever had matches nothing (and is still a filter).
			criteria.colours()
				.stream()
				.mapToInt(Colours::existingId)
				.filter((id) -> id >= 0)
				.forEach(this.colours::set);
		}

		private static int mask(Set<? extends Enum<?>> values) {
			int mask = 0;
			for (Enum<?> value : values) {
				mask |= 1 << value.ordinal();
			}
			return mask;
		}

		/**
		 * The filters that are not facets: price, featured and text.
		 */
		boolean product(ListedProduct product) {
			return product.price() >= this.minPrice && product.price() <= this.maxPrice
					&& (this.criteria.featured() == null || product.summary().featured() == this.criteria.featured())
					&& (this.text == null || product.containsText(this.text));
		}

		boolean category(int category) {
			return this.categories == 0 || (this.categories & (1 << category)) != 0;
		}

		boolean gender(int gender) {
			return this.genders == 0 || (this.genders & (1 << gender)) != 0;
		}

		boolean anyVariantFilter() {
			return !this.criteria.sizes().isEmpty() || !this.criteria.colours().isEmpty() || this.criteria.inStock();
		}

		boolean size(int size) {
			return this.sizes == 0 || (this.sizes & (1 << size)) != 0;
		}

		boolean colour(int colour) {
			return this.criteria.colours().isEmpty() || this.colours.get(colour);
		}

		boolean stock(boolean inStock) {
			return !this.criteria.inStock() || inStock;
		}

	}

}
