package com.littlethreads.catalog.product;

/**
 * A product image with the dimensions the storefront needs to lay it out before it loads.
 *
 * @param url absolute URL or a path on the shop's own origin
 * @param alt the text alternative
 * @param width intrinsic width in pixels
 * @param height intrinsic height in pixels
 */
public record Image(String url, String alt, int width, int height) {

	/**
	 * The drawn placeholder image of a product kind in a colour, served by this service.
	 * @param category what the product is
	 * @param colour the colour
	 * @param productName the product's name, for the text alternative
	 * @return the image
	 */
	public static Image drawn(Category category, String colour, String productName) {
		return new Image("/api/catalog/images/" + category.value() + "/" + colour + ".svg",
				productName + " in " + colour.replace('-', ' '), 480, 480);
	}

}
