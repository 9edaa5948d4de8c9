package com.littlethreads.catalog.search;

import com.littlethreads.catalog.product.ApiValue;
import com.littlethreads.catalog.product.Listing;

/**
 * The orders a listing can be sorted in. Each ends with the slug, so pages never overlap
 * or skip a product when several share a price or a name.
 */
public enum ProductSort implements ApiValue {

	NEWEST("newest", Listing.Order.NEWEST),

	PRICE_ASC("price-asc", Listing.Order.PRICE_ASC),

	PRICE_DESC("price-desc", Listing.Order.PRICE_DESC),

	NAME("name", Listing.Order.NAME);

	private final String value;

	private final Listing.Order order;

	ProductSort(String value, Listing.Order order) {
		this.value = value;
		this.order = order;
	}

	@Override
	public String value() {
		return this.value;
	}

	Listing.Order order() {
		return this.order;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
