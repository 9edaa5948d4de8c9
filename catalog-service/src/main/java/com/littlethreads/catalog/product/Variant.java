package com.littlethreads.catalog.product;

/**
 * One buyable thing: a product in one size and colour, with its own SKU and stock.
 *
 * @param sku the stock-keeping unit, unique across the catalog
 * @param size the size
 * @param colour the colour, lowercase words joined by hyphens ({@code dusty-pink})
 * @param stock units on hand, never below zero
 */
public record Variant(String sku, Size size, String colour, int stock) {

	/**
	 * The most units a variant may hold.
	 */
	public static final int MAXIMUM_STOCK = 100_000;

	public boolean inStock() {
		return this.stock > 0;
	}

}
