package com.littlethreads.catalog.product;

/**
 * Where a product is in its life: only active products are visible to shoppers. The API
 * spells each value in lower case.
 */
public enum ProductStatus implements ApiValue {

	DRAFT, ACTIVE, ARCHIVED;

	@Override
	public String toString() {
		return value();
	}

}
