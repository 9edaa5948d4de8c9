package com.littlethreads.catalog.product;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A product as shoppers see it on its page. Stock is deliberately absent: this view is
 * cached by CDNs, while availability is always read live.
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
 * @param featured whether the shop features it
 * @param sizes the sizes it comes in, in scale order
 * @param colours the colours it comes in
 * @param variants every size and colour with its SKU
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 */
public record ProductView(String slug, String name, String description, Category category, Gender gender,
		List<Season> seasons, String material, List<String> care, Money price, List<Image> images, boolean featured,
		List<Size> sizes, List<String> colours, List<VariantView> variants, Instant createdAt, Instant updatedAt) {

	public static ProductView of(Product product) {
		List<Variant> variants = ordered(product.getVariants());
		return new ProductView(product.getSlug(), product.getName(), product.getDescription(), product.getCategory(),
				product.getGender(), product.getSeasons().stream().sorted().toList(), product.getMaterial(),
				List.copyOf(product.getCare()), product.getPrice(), List.copyOf(product.getImages()),
				product.isFeatured(), sizes(variants), colours(variants),
				variants.stream().map(VariantView::of).toList(), product.getCreatedAt(), product.getUpdatedAt());
	}

	static List<Variant> ordered(List<Variant> variants) {
		List<String> colours = colours(variants);
		return variants.stream()
			.sorted(Comparator.comparingInt((Variant variant) -> colours.indexOf(variant.colour()))
				.thenComparing(Variant::size))
			.toList();
	}

	static List<Size> sizes(List<Variant> variants) {
		return variants.stream().map(Variant::size).distinct().sorted().toList();
	}

	static List<String> colours(List<Variant> variants) {
		return variants.stream().map(Variant::colour).distinct().toList();
	}

	/**
	 * One size and colour of the product.
	 *
	 * @param sku the SKU to put in the cart
	 * @param size the size
	 * @param colour the colour
	 */
	public record VariantView(String sku, Size size, String colour) {

		static VariantView of(Variant variant) {
			return new VariantView(variant.sku(), variant.size(), variant.colour());
		}

	}

}
