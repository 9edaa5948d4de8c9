package com.littlethreads.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Variants looked up by SKU, with the authoritative price and live stock: what checkout
 * charges and what a cart re-checks before it.
 *
 * @param items the requested variants of active products, in the order asked for
 */
public record VariantsView(List<VariantItem> items) {

	/**
	 * One variant of an active product.
	 *
	 * @param sku the SKU
	 * @param slug the product's address
	 * @param name the product's name
	 * @param size the size
	 * @param colour the colour
	 * @param price the unit price
	 * @param available units that can be bought now
	 * @param inStock whether any can
	 */
	public record VariantItem(String sku, String slug, String name, Size size, String colour, Money price,
			int available, boolean inStock) {

		static Optional<VariantItem> of(ProductView product, String sku, Map<String, Integer> available) {
			return product.variants()
				.stream()
				.filter((variant) -> variant.sku().equals(sku))
				.findFirst()
				.map((variant) -> {
					int units = available.getOrDefault(sku, 0);
					return new VariantItem(sku, product.slug(), product.name(), variant.size(), variant.colour(),
							product.price(), units, units > 0);
				});
		}

	}

}
