package com.littlethreads.catalog.product;

/**
 * What a product is, as the storefront's navigation groups it.
 */
public enum Category implements ApiValue {

	TOPS("tops", "Tops"),

	BOTTOMS("bottoms", "Bottoms"),

	DRESSES("dresses", "Dresses"),

	OUTERWEAR("outerwear", "Outerwear"),

	SLEEPWEAR("sleepwear", "Sleepwear"),

	SWIMWEAR("swimwear", "Swimwear"),

	ACCESSORIES("accessories", "Accessories");

	private final String value;

	private final String label;

	Category(String value, String label) {
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
