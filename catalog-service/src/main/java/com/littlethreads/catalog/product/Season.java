package com.littlethreads.catalog.product;

/**
 * The seasons a product is made for; a product may have several. The API spells each
 * value in lower case.
 */
public enum Season implements ApiValue {

	SPRING, SUMMER, AUTUMN, WINTER;

	@Override
	public String toString() {
		return value();
	}

}
