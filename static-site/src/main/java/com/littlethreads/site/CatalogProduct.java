package com.littlethreads.site;

import java.util.List;

/**
 * A product as the generator needs it, read from the seed or the catalog API.
 *
 * @param slug the product's address
 * @param name the name
 * @param description the description
 * @param category the category value, such as {@code tops}
 * @param gender who it is cut for
 * @param material what it is made of
 * @param care how to look after it
 * @param price the price
 * @param status {@code active}, {@code draft} or {@code archived}
 * @param featured whether the shop features it
 * @param variants every size and colour
 * @param images one image per colour, in colour order
 * @param inStock whether any size and colour could be bought when the catalog was read
 */
public record CatalogProduct(String slug, String name, String description, String category, String gender,
		String material, List<String> care, Money price, String status, boolean featured, List<Variant> variants,
		List<Image> images, boolean inStock) {

	public boolean active() {
		return "active".equals(this.status);
	}

	public List<String> colours() {
		return this.variants.stream().map(Variant::colour).distinct().toList();
	}

	public List<String> sizes() {
		return this.variants.stream().map(Variant::size).distinct().sorted(SizeScale.ORDER).toList();
	}

	/**
	 * An amount in minor units of an ISO 4217 currency.
	 *
	 * @param amount the amount in minor units
	 * @param currency the currency code
	 */
	public record Money(long amount, String currency) {

	}

	/**
	 * One size and colour.
	 *
	 * @param sku the SKU
	 * @param size the size
	 * @param colour the colour
	 */
	public record Variant(String sku, String size, String colour) {

	}

	/**
	 * An image with its intrinsic dimensions.
	 *
	 * @param url a path on the shop's origin or an absolute URL
	 * @param alt the text alternative
	 * @param width the width in pixels
	 * @param height the height in pixels
	 */
	public record Image(String url, String alt, int width, int height) {

		/**
		 * The catalog's drawn image of a kind of garment in a colour, as catalog-service
		 * gives seeded products: under a name carrying the drawings' version, which
		 * browsers keep for a year.
		 * @param category the category
		 * @param colour the colour
		 * @param productName the product's name
		 * @param version the drawings' version; empty for the unversioned name
		 * @return the image
		 */
		static Image drawn(String category, String colour, String productName, String version) {
			String name = version.isEmpty() ? colour : colour + "." + version;
			return new Image("/api/catalog/images/" + category + "/" + name + ".svg",
					productName + " in " + colour.replace('-', ' '), 480, 480);
		}

	}

}
