package com.littlethreads.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Colours;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.ListedProduct;
import com.littlethreads.catalog.product.Listing;
import com.littlethreads.catalog.product.ProductSummary;
import com.littlethreads.catalog.product.Size;

/**
 * Answers one listing from a {@link ListingIndex}: the page, the total, and each facet
 * counted under every current filter except its own (so choosing "tops" still shows how
 * many dresses there are), counting products, not variants. Each filter is a set of
 * products; a facet value's count is the size of the intersection of its own set with the
 * other filters' sets. Only the filters that are not facets (price, featured, text) ask
 * the products one by one, and only when they are given; the page alone follows the order
 * asked for.
 */
final class ListingQuery {

	private ListingQuery() {
	}

	static ProductPage answer(ListingIndex index, SearchCriteria criteria) {
		int stock = criteria.inStock() ? ListingIndex.IN_STOCK : ListingIndex.ANY;
		int[] sizes = sizes(criteria.sizes());
		int[] colours = colours(criteria.colours());
		// Each filter's products; null where the filter is not given (every product).
		long[] product = productFilter(index, criteria);
		long[] category = union(index, criteria.categories(), (ordinal) -> index.category(ordinal));
		long[] gender = union(index, criteria.genders(), (ordinal) -> index.gender(ordinal));
		long[] variant = variantFilter(index, stock, sizes, colours, criteria.inStock());
		// Past the product, category and gender filters, for the size and colour facets
		// (a variant filter of its own each).
		long[] chosen = and(product, category, gender);

		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		facets.put(Facet.CATEGORY.key(), inOrder(Category.values(),
				(ordinal) -> count(index, product, gender, variant, index.category(ordinal))));
		facets.put(Facet.GENDER.key(),
				inOrder(Gender.values(), (ordinal) -> count(index, product, category, variant, index.gender(ordinal))));
		facets.put(Facet.SIZE.key(), inOrder(Size.values(), (size) -> count(index, chosen, (colours != null)
				? union(index, colours, (colour) -> index.variants(stock, size, colour)) : index.size(stock, size))));
		facets.put(Facet.COLOUR.key(), byCountThenName(index.colours(), (colour) -> count(index, chosen, (sizes != null)
				? union(index, sizes, (size) -> index.variants(stock, size, colour)) : index.colour(stock, colour))));
		long[] shown = and(chosen, variant);
		long total = count(index, shown);
		return new ProductPage(page(index.listing(), criteria, shown, total), criteria.page(), criteria.pageSize(),
				total, facets);
	}

	/**
	 * The page asked for, in the order asked for.
	 */
	private static List<ProductSummary> page(Listing listing, SearchCriteria criteria, long[] shown, long total) {
		long skip = (long) criteria.page() * criteria.pageSize();
		if (skip >= total) {
			return List.of();
		}
		List<ProductSummary> items = new ArrayList<>(criteria.pageSize());
		long passed = 0;
		for (int rank = 0; rank < listing.size() && items.size() < criteria.pageSize(); rank++) {
			int place = listing.ranked(criteria.sort().order(), rank);
			if ((shown == null || contains(shown, place)) && ++passed > skip) {
				items.add(listing.get(place).summary());
			}
		}
		return List.copyOf(items);
	}

	/**
	 * The products passing the filters that are not facets: price, featured and text.
	 */
	private static long[] productFilter(ListingIndex index, SearchCriteria criteria) {
		Boolean featured = criteria.featured();
		String text = (criteria.text() != null) ? criteria.text().trim() : "";
		// Literal and case-insensitive, never a pattern: the text is only ever looked for
		// as it is.
		String lowerCaseText = text.isEmpty() ? null : ListedProduct.lowerCase(text);
		if (criteria.minPrice() == null && criteria.maxPrice() == null && featured == null && lowerCaseText == null) {
			return null;
		}
		long minPrice = (criteria.minPrice() != null) ? criteria.minPrice() : Long.MIN_VALUE;
		long maxPrice = (criteria.maxPrice() != null) ? criteria.maxPrice() : Long.MAX_VALUE;
		long[] passing = new long[index.words()];
		Listing listing = index.listing();
		for (int place = 0; place < listing.size(); place++) {
			long price = index.price(place);
			if (price < minPrice || price > maxPrice) {
				continue;
			}
			if (featured != null || lowerCaseText != null) {
				ListedProduct product = listing.get(place);
				if ((featured != null && product.summary().featured() != featured)
						|| (lowerCaseText != null && !product.containsText(lowerCaseText))) {
					continue;
				}
			}
			passing[place >>> 6] |= 1L << place;
		}
		return passing;
	}

	/**
	 * The products with a variant passing every variant filter, or {@code null} when no
	 * variant filter is given.
	 */
	private static long[] variantFilter(ListingIndex index, int stock, int[] sizes, int[] colours, boolean inStock) {
		if (sizes != null && colours != null) {
			long[] variants = new long[index.words()];
			for (int size : sizes) {
				for (int colour : colours) {
					long[] pair = index.variants(stock, size, colour);
					if (pair != null) {
						ListingIndex.orInto(variants, pair);
					}
				}
			}
			return variants;
		}
		if (sizes != null) {
			return union(index, sizes, (size) -> index.size(stock, size));
		}
		if (colours != null) {
			return union(index, colours, (colour) -> index.colour(stock, colour));
		}
		return inStock ? index.anyVariant(ListingIndex.IN_STOCK) : null;
	}

	/**
	 * The ordinals of the values asked for, or {@code null} when none are.
	 */
	private static int[] sizes(Set<Size> sizes) {
		return sizes.isEmpty() ? null : sizes.stream().mapToInt(Size::ordinal).toArray();
	}

	/**
	 * The numbers of the colours asked for, or {@code null} when none are. A colour no
	 * product has ever had matches nothing (and is still a filter).
	 */
	private static int[] colours(Set<String> colours) {
		return colours.isEmpty() ? null
				: colours.stream().mapToInt(Colours::existingId).filter((id) -> id >= 0).toArray();
	}

	private static long[] union(ListingIndex index, Set<? extends Enum<?>> values, IntFunction<long[]> sets) {
		return values.isEmpty() ? null : union(index, values.stream().mapToInt(Enum::ordinal).toArray(), sets);
	}

	/**
	 * The products in any of the sets; an absent ({@code null}) set has none.
	 */
	private static long[] union(ListingIndex index, int[] values, IntFunction<long[]> sets) {
		if (values.length == 1) {
			long[] set = sets.apply(values[0]);
			return (set != null) ? set : new long[index.words()];
		}
		long[] union = new long[index.words()];
		for (int value : values) {
			long[] set = sets.apply(value);
			if (set != null) {
				ListingIndex.orInto(union, set);
			}
		}
		return union;
	}

	/**
	 * The products in every set given; {@code null} stands for every product, and is what
	 * comes back when every set is.
	 */
	private static long[] and(long[]... sets) {
		long[] and = null;
		for (long[] set : sets) {
			if (set == null) {
				continue;
			}
			if (and == null) {
				and = set.clone();
			}
			else {
				for (int i = 0; i < and.length; i++) {
					and[i] &= set[i];
				}
			}
		}
		return and;
	}

	/**
	 * How many products are in every set given; {@code null} stands for every product. An
	 * empty set has none, as has an absent ({@code null}) facet value.
	 */
	private static long count(ListingIndex index, long[]... sets) {
		long[] first = null;
		int given = 0;
		for (long[] set : sets) {
			if (set != null) {
				given++;
				first = (first != null) ? first : set;
			}
		}
		if (given == 0) {
			return index.listing().size();
		}
		long count = 0;
		for (int i = 0; i < first.length; i++) {
			long word = first[i];
			for (long[] set : sets) {
				if (set != null) {
					word &= set[i];
				}
			}
			count += Long.bitCount(word);
		}
		return count;
	}

	private static boolean contains(long[] set, int place) {
		return (set[place >>> 6] & (1L << place)) != 0;
	}

	/**
	 * Values of an enumerated dimension that some product has, in its natural order (the
	 * size scale, the category menu), spelled as the API spells them.
	 */
	private static List<FacetValue> inOrder(Enum<?>[] values, IntToLongFunction counts) {
		List<FacetValue> facet = new ArrayList<>();
		for (Enum<?> value : values) {
			long count = counts.applyAsLong(value.ordinal());
			if (count > 0) {
				facet.add(new FacetValue(value.toString(), count));
			}
		}
		return List.copyOf(facet);
	}

	private static List<FacetValue> byCountThenName(int colours, IntToLongFunction counts) {
		List<FacetValue> facet = new ArrayList<>();
		for (int id = 0; id < colours; id++) {
			long count = counts.applyAsLong(id);
			if (count > 0) {
				facet.add(new FacetValue(Colours.name(id), count));
			}
		}
		facet.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
		return List.copyOf(facet);
	}

}
