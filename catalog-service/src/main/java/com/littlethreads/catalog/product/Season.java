package com.littlethreads.catalog.product;

/**
 * The seasons a product is made for; a product may have several.
 */
public enum Season implements ApiValue {

	SPRING("spring", "Spring"),

	SUMMER("summer", "Summer"),

	AUTUMN("autumn", "Autumn"),

	WINTER("winter", "Winter");

	private final String value;

	private final String label;

	Season(String value, String label) {
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
