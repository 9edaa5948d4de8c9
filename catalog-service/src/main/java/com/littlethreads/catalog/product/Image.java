package com.littlethreads.catalog.product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
	 * The version of the drawn images: a hash of every drawing, kept in
	 * {@code images/drawings.version} (the image package's tests hold it to the drawings,
	 * and static-site reads the same file for the pages it builds from the seed). A
	 * drawing's URL carries it, so a browser may keep the drawing for a year and still
	 * see a redrawn one at once: a new drawing has a new URL.
	 */
	public static final String DRAWINGS_VERSION = drawingsVersion();

	/**
	 * The drawn placeholder image of a product kind in a colour, served by this service,
	 * under a versioned name such as
	 * {@code /api/catalog/images/tops/navy.0123456789.svg}.
	 * @param category what the product is
	 * @param colour the colour
	 * @param productName the product's name, for the text alternative
	 * @return the image
	 */
	public static Image drawn(Category category, String colour, String productName) {
		return new Image("/api/catalog/images/" + category.value() + "/" + colour + "." + DRAWINGS_VERSION + ".svg",
				productName + " in " + colour.replace('-', ' '), 480, 480);
	}

	private static String drawingsVersion() {
		try (InputStream in = Image.class.getResourceAsStream("/images/drawings.version")) {
			if (in == null) {
				throw new IllegalStateException("images/drawings.version is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
