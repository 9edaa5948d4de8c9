package com.littlethreads.catalog.product;

/**
 * The age-band size scale, in order from newborn to 14 years. Declaration order is the
 * order sizes are shown and faceted in.
 */
public enum Size implements ApiValue {

	M0_3("0-3M"), M3_6("3-6M"), M6_12("6-12M"), M12_18("12-18M"), M18_24("18-24M"), T2("2T"), T3("3T"), T4("4T"),
	Y5("5Y"), Y6("6Y"), Y7("7Y"), Y8("8Y"), Y9("9Y"), Y10("10Y"), Y11("11Y"), Y12("12Y"), Y13("13Y"), Y14("14Y");

	private final String value;

	Size(String value) {
		this.value = value;
	}

	@Override
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
