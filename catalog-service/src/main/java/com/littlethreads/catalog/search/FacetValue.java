package com.littlethreads.catalog.search;

/**
 * How many products a filter value would show.
 *
 * @param value the value as a query parameter takes it
 * @param count the number of matching products
 */
public record FacetValue(String value, long count) {

}
