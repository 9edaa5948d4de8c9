package com.littlethreads.catalog.product;

/**
 * Where a product is in its life: only active products are visible to shoppers.
 */
public enum ProductStatus implements ApiValue {

	DRAFT("draft", "Draft"),

	ACTIVE("active", "Active"),

	ARCHIVED("archived", "Archived");

	private final String value;

	private final String label;

	ProductStatus(String value, String label) {
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
