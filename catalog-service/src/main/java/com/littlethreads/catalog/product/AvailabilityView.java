package com.littlethreads.catalog.product;

import java.util.List;
import java.util.Map;

/**
 * Live stock of every size and colour of a product. Never cached.
 *
 * @param slug the product
 * @param inStock whether anything can be bought
 * @param variants each variant's availability
 */
public record AvailabilityView(String slug, boolean inStock, List<VariantAvailability> variants) {

	static AvailabilityView of(ProductView product, Map<String, Integer> available) {
		List<VariantAvailability> variants = product.variants()
			.stream()
			.map((variant) -> VariantAvailability.of(variant, available.getOrDefault(variant.sku(), 0)))
			.toList();
		return new AvailabilityView(product.slug(), variants.stream().anyMatch(VariantAvailability::inStock), variants);
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

		static VariantAvailability of(ProductView.VariantView variant, int available) {
			return new VariantAvailability(variant.sku(), variant.size(), variant.colour(), available, available > 0);
		}

	}

}
