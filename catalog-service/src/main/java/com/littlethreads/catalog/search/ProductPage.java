package com.littlethreads.catalog.search;

import java.util.List;
import java.util.Map;

import com.littlethreads.catalog.product.ProductSummary;

/**
 * One page of a listing.
 *
 * @param items the products on this page
 * @param page the page number, from 0
 * @param pageSize the page size asked for
 * @param total how many products match in all
 * @param facets for {@code category}, {@code gender}, {@code size} and {@code colour}:
 * each value with the number of products it would show under the other current filters
 */
public record ProductPage(List<ProductSummary> items, int page, int pageSize, long total,
		Map<String, List<FacetValue>> facets) {

}
