package com.littlethreads.catalog.product;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A product as a listing tile shows it.
 *
 * @param slug the product's address
 * @param name the name
 * @param category the category
 * @param gender who it is cut for
 * @param price the price
 * @param image the main image, or {@code null}
 * @param sizes the sizes it comes in, in scale order
 * @param colours the colours it comes in
 * @param inStock whether any size and colour is in stock (as of the listing; the
 * product's availability is authoritative)
 * @param featured whether the shop features it
 * @param createdAt when it was added
 */
public record ProductSummary(String slug, String name, Category category, Gender gender, Money price,
		@Schema(nullable = true) Image image, List<Size> sizes, List<String> colours, boolean inStock, boolean featured,
		Instant createdAt) {

	public static ProductSummary of(Product product) {
		return new ProductSummary(product.getSlug(), product.getName(), product.getCategory(), product.getGender(),
				product.getPrice(), product.getImages().isEmpty() ? null : product.getImages().get(0),
				ProductView.sizes(product.getVariants()), ProductView.colours(product.getVariants()), product.inStock(),
				product.isFeatured(), product.getCreatedAt());
	}

}
