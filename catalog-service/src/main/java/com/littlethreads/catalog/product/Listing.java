package com.littlethreads.catalog.product;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every active product, in each order a listing can be sorted in, as of one moment. It
 * never changes; a change to the catalog that listings can see makes a new one with the
 * next {@link #version()}, so an answer computed from a listing stays right for as long
 * as the version does.
 */
public final class Listing {

	private static final Comparator<ListedProduct> BY_SLUG = Comparator.comparing(ListedProduct::slug);

	private final long version;

	private final ListedProduct[] products;

	private final Map<Order, int[]> orders;

	private final Map<String, Integer> positions;

	private Listing(long version, ListedProduct[] products, Map<Order, int[]> orders, Map<String, Integer> positions) {
		this.version = version;
		this.products = products;
		this.orders = orders;
		this.positions = positions;
	}

	/**
	 * A listing of the given products.
	 * @param version the version it is
	 * @param products the active products, each once
	 * @return the listing
	 */
	public static Listing of(long version, Collection<ListedProduct> products) {
		ListedProduct[] all = products.toArray(ListedProduct[]::new);
		Map<String, Integer> positions = new HashMap<>(all.length * 2);
		for (int i = 0; i < all.length; i++) {
			positions.put(all[i].slug(), i);
		}
		Map<Order, int[]> orders = new java.util.EnumMap<>(Order.class);
		for (Order order : Order.values()) {
			Integer[] sorted = new Integer[all.length];
			Arrays.setAll(sorted, (i) -> i);
			Arrays.sort(sorted, (a, b) -> order.comparator.compare(all[a], all[b]));
			orders.put(order, Arrays.stream(sorted).mapToInt(Integer::intValue).toArray());
		}
		return new Listing(version, all, orders, positions);
	}

	/**
	 * This listing with some products replaced by versions that sort exactly as before,
	 * which keeps every order as it is.
	 * @param version the version the result is
	 * @param changed the new versions by slug, each of a product listed here
	 * @return the listing
	 */
	Listing replacing(long version, Map<String, ListedProduct> changed) {
		ListedProduct[] all = this.products.clone();
		changed.forEach((slug, product) -> all[this.positions.get(slug)] = product);
		return new Listing(version, all, this.orders, this.positions);
	}

	/**
	 * Whether a product is listed here sorting exactly as {@code product} does.
	 */
	boolean listsSortingLike(ListedProduct product) {
		Integer position = this.positions.get(product.slug());
		return position != null && this.products[position].sortsLike(product);
	}

	/**
	 * Which version of the catalog this is: another listing with the same version lists
	 * the same products in the same state.
	 * @return the version
	 */
	public long version() {
		return this.version;
	}

	/**
	 * How many products are listed.
	 * @return the count
	 */
	public int size() {
		return this.products.length;
	}

	/**
	 * A product by its place in this listing, which follows none of the orders: what a
	 * listing shows is worked out over the products by place, and only its page is taken
	 * in an order ({@link #ranked}).
	 * @param place the place, from 0 to {@link #size()}
	 * @return the product
	 */
	public ListedProduct get(int place) {
		return this.products[place];
	}

	/**
	 * Where the product of a given rank in an order is.
	 * @param order the order
	 * @param rank the rank in that order, from 0 to {@link #size()}
	 * @return its place, for {@link #get(int)}
	 */
	public int ranked(Order order, int rank) {
		return this.orders.get(order)[rank];
	}

	/**
	 * The orders a listing can be sorted in. Each ends with the slug, so that pages never
	 * overlap or skip a product when several share a price or a name.
	 */
	public enum Order {

		/**
		 * Newest first.
		 */
		NEWEST(Comparator.comparing((ListedProduct product) -> product.summary().createdAt(),
				Comparator.nullsLast(Comparator.<Instant>reverseOrder()))),

		/**
		 * Cheapest first.
		 */
		PRICE_ASC(Comparator.comparingLong((ListedProduct product) -> product.summary().price().amount())),

		/**
		 * Dearest first.
		 */
		PRICE_DESC(Comparator.comparingLong((ListedProduct product) -> product.summary().price().amount()).reversed()),

		/**
		 * By name, as MongoDB compares strings (by code unit, so capitals first).
		 */
		NAME(Comparator.comparing((ListedProduct product) -> product.summary().name()));

		private final Comparator<ListedProduct> comparator;

		Order(Comparator<ListedProduct> comparator) {
			this.comparator = comparator.thenComparing(BY_SLUG);
		}

	}

}
