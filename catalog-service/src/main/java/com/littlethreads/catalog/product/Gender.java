package com.littlethreads.catalog.product;

/**
 * Who a product is cut for.
 */
public enum Gender implements ApiValue {

	GIRLS("girls", "Girls"),

	BOYS("boys", "Boys"),

	UNISEX("unisex", "Unisex");

	private final String value;

	private final String label;

	Gender(String value, String label) {
		this.value = value;
		this.label = label;
	}

	@Override
	public String value() {
		return this.value;
	}

	public String label() {
		return this.label;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
