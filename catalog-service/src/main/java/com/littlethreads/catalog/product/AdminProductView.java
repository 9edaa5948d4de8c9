package com.littlethreads.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A product as the admin API shows it: every field, the stock of every variant, and the
 * version an edit must quote.
 *
 * @param slug the product's address
 * @param name the name
 * @param description the description
 * @param category the category
 * @param gender who it is cut for
 * @param seasons the seasons it suits
 * @param material what it is made of
 * @param care how to look after it
 * @param price the price
 * @param images the images
 * @param status draft, active or archived
 * @param featured whether the shop features it
 * @param variants every variant with its stock
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 * @param version the version to quote when editing
 */
public record AdminProductView(String slug, String name, String description, Category category, Gender gender,
		Set<Season> seasons, String material, List<String> care, Money price, List<Image> images, ProductStatus status,
		boolean featured, List<Variant> variants, Instant createdAt, Instant updatedAt, long version) {

	public static AdminProductView of(Product product) {
		return new AdminProductView(product.getSlug(), product.getName(), product.getDescription(),
				product.getCategory(), product.getGender(), product.getSeasons(), product.getMaterial(),
				product.getCare(), product.getPrice(), product.getImages(), product.getStatus(), product.isFeatured(),
				ProductView.ordered(product.getVariants()), product.getCreatedAt(), product.getUpdatedAt(),
				product.getVersion());
	}

}
