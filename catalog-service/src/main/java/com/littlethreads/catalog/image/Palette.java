package com.littlethreads.catalog.image;

import java.util.Map;
import java.util.Set;

/**
 * The colours the catalog names, as the drawings paint them.
 */
final class Palette {

	private static final Map<String, String> COLOURS = Map.ofEntries(Map.entry("red", "#d64541"),
			Map.entry("navy", "#27385f"), Map.entry("blue", "#3a7bd5"), Map.entry("sky", "#8ec9f0"),
			Map.entry("green", "#3f9b5a"), Map.entry("sage", "#a3b899"), Map.entry("yellow", "#f5d547"),
			Map.entry("mustard", "#d4a72c"), Map.entry("orange", "#f08a3c"), Map.entry("pink", "#f29bb8"),
			Map.entry("dusty-pink", "#d8a7a7"), Map.entry("lilac", "#c8a8e0"), Map.entry("purple", "#7d4ea3"),
			Map.entry("white", "#f7f7f2"), Map.entry("cream", "#f3e9d2"), Map.entry("grey", "#a0a4a8"),
			Map.entry("charcoal", "#44484d"), Map.entry("black", "#222222"), Map.entry("brown", "#7b5134"),
			Map.entry("oatmeal", "#d9ccb4"), Map.entry("teal", "#2a8c8c"), Map.entry("coral", "#f47c6a"),
			Map.entry("mint", "#a8e6cf"));

	private static final String UNKNOWN = "#b8bcc2";

	private Palette() {
	}

	/**
	 * Every colour the palette names.
	 * @return the names
	 */
	static Set<String> names() {
		return COLOURS.keySet();
	}

	/**
	 * The paint for a colour name; an unnamed colour is drawn neutral grey rather than
	 * failing, since admins may add colours before the palette knows them.
	 * @param colour the colour name
	 * @return a CSS hex colour
	 */
	static String hex(String colour) {
		return COLOURS.getOrDefault(colour, UNKNOWN);
	}

}
