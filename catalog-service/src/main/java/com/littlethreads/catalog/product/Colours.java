package com.littlethreads.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A number for every colour name the catalog has used, so that listings compare colours
 * as numbers. Colours are a small vocabulary (lower-case words, up to 30 characters), so
 * the numbers are kept for the life of the process, never reused.
 */
public final class Colours {

	private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();

	private static final List<String> NAMES = new CopyOnWriteArrayList<>();

	private Colours() {
	}

	/**
	 * The number of a colour, given one if it has none yet.
	 * @param colour the colour's name
	 * @return its number
	 */
	static int id(String colour) {
		Integer id = IDS.get(colour);
		if (id != null) {
			return id;
		}
		synchronized (NAMES) {
			return IDS.computeIfAbsent(colour, (name) -> {
				NAMES.add(name);
				return NAMES.size() - 1;
			});
		}
	}

	/**
	 * The number of a colour some product has had.
	 * @param colour the colour's name
	 * @return its number, or -1 if no product has ever had it
	 */
	public static int existingId(String colour) {
		return IDS.getOrDefault(colour, -1);
	}

	/**
	 * The name of a numbered colour.
	 * @param id its number
	 * @return its name
	 */
	public static String name(int id) {
		return NAMES.get(id);
	}

	/**
	 * How many colours have numbers: each number is below this.
	 * @return the count
	 */
	public static int count() {
		return NAMES.size();
	}

}
