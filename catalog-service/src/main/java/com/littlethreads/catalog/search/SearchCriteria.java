package com.littlethreads.catalog.search;

import java.util.Set;

import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.Size;

/**
 * What a shopper asked the listing for. Values of one filter are alternatives (OR);
 * different filters all apply (AND). Size, colour and in-stock apply to one variant
 * together. Equal criteria always get the same answer from the same catalog, which is
 * what listings are cached by.
 *
 * @param categories wanted categories, or empty for all
 * @param genders wanted genders, or empty for all
 * @param sizes wanted sizes, or empty for all
 * @param colours wanted colours, or empty for all
 * @param minPrice lowest price in minor units, inclusive, or {@code null}
 * @param maxPrice highest price in minor units, inclusive, or {@code null}
 * @param inStock only products with a matching variant in stock
 * @param featured only featured products (or only others), or {@code null} for both
 * @param text words to find literally in name or description, or {@code null}
 * @param sort the order
 * @param page the page, from 0
 * @param pageSize the page size
 */
public record SearchCriteria(Set<Category> categories, Set<Gender> genders, Set<Size> sizes, Set<String> colours,
		Long minPrice, Long maxPrice, boolean inStock, Boolean featured, String text, ProductSort sort, int page,
		int pageSize) {

	/**
	 * Every active product: what the category counts are taken over.
	 * @return the criteria
	 */
	public static SearchCriteria everything() {
		return new SearchCriteria(Set.of(), Set.of(), Set.of(), Set.of(), null, null, false, null, null,
				ProductSort.NEWEST, 0, 1);
	}

}
