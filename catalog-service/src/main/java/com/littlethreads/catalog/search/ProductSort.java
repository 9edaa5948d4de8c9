package com.littlethreads.catalog.search;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

import com.littlethreads.catalog.product.ApiValue;

/**
 * The orders a listing can be sorted in. Each ends with the slug, so pages never overlap
 * or skip a product when several share a price or a name.
 */
public enum ProductSort implements ApiValue {

	NEWEST("newest", Sort.by(Direction.DESC, "createdAt")),

	PRICE_ASC("price-asc", Sort.by(Direction.ASC, "price.amount")),

	PRICE_DESC("price-desc", Sort.by(Direction.DESC, "price.amount")),

	NAME("name", Sort.by(Direction.ASC, "name"));

	private final String value;

	private final Sort sort;

	ProductSort(String value, Sort sort) {
		this.value = value;
		this.sort = sort.and(Sort.by(Direction.ASC, "slug"));
	}

	@Override
	public String value() {
		return this.value;
	}

	Sort sort() {
		return this.sort;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
