package com.littlethreads.catalog.product;

/**
 * Who a product is cut for. The API spells each value in lower case.
 */
public enum Gender implements ApiValue {

	GIRLS, BOYS, UNISEX;

	@Override
	public String toString() {
		return value();
	}

}
