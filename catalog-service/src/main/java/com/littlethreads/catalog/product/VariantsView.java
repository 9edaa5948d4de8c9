package com.littlethreads.catalog.product;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Variants looked up by SKU, with the authoritative price and live stock: what checkout
 * charges and what a cart re-checks before it.
 *
 * @param items the requested variants that belong to active products, in the order asked
 * for
 */
public record VariantsView(List<VariantItem> items) {

	static VariantsView of(Collection<String> skus, List<Product> products) {
		Map<String, VariantItem> bySku = new LinkedHashMap<>();
		for (Product product : products) {
			for (Variant variant : product.getVariants()) {
				bySku.put(variant.sku(), VariantItem.of(product, variant));
			}
		}
		return new VariantsView(skus.stream().distinct().map(bySku::get).filter(Objects::nonNull).toList());
	}

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

		static VariantItem of(Product product, Variant variant) {
			return new VariantItem(variant.sku(), product.getSlug(), product.getName(), variant.size(),
					variant.colour(), product.getPrice(), variant.stock(), variant.inStock());
		}

	}

}
