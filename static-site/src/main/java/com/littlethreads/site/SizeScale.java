package com.littlethreads.site;

import java.util.Comparator;
import java.util.List;

/**
 * The catalog's age-band size scale, for showing sizes in scale order when reading the
 * seed (the API already orders them). Unknown sizes sort last, alphabetically.
 */
final class SizeScale {

	private static final List<String> SCALE = List.of("0-3M", "3-6M", "6-12M", "12-18M", "18-24M", "2T", "3T", "4T",
			"5Y", "6Y", "7Y", "8Y", "9Y", "10Y", "11Y", "12Y", "13Y", "14Y");

	static final Comparator<String> ORDER = Comparator.comparingInt(SizeScale::rank)
		.thenComparing(Comparator.naturalOrder());

	private SizeScale() {
	}

	private static int rank(String size) {
		int index = SCALE.indexOf(size);
		return (index >= 0) ? index : SCALE.size();
	}

}
