package com.littlethreads.catalog.product;

import java.util.List;

/**
 * Live stock of every size and colour of a product. Never cached.
 *
 * @param slug the product
 * @param inStock whether anything can be bought
 * @param variants each variant's availability
 */
public record AvailabilityView(String slug, boolean inStock, List<VariantAvailability> variants) {

	static AvailabilityView of(Product product) {
		return new AvailabilityView(product.getSlug(), product.inStock(),
				ProductView.ordered(product.getVariants())
					.stream()
					.map((variant) -> new VariantAvailability(variant.sku(), variant.size(), variant.colour(),
							variant.stock(), variant.inStock()))
					.toList());
	}

	/**
	 * One variant's availability.
	 *
	 * @param sku the SKU
	 * @param size the size
	 * @param colour the colour
	 * @param available units that can be bought now
	 * @param inStock whether any can
	 */
	public record VariantAvailability(String sku, Size size, String colour, int available, boolean inStock) {

	}

}
