package com.littlethreads.catalog.product;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An active product as listings see it: its tile, what text search looks in, and each
 * variant's size, colour and whether it is in stock. Stock counts are left out on
 * purpose: a listing only ever shows in stock or not, so a sale that leaves a variant in
 * stock does not change any listing.
 *
 * @param summary the tile
 * @param searchableName the name in lower case, for literal, case-insensitive search
 * @param searchableDescription the description in lower case, likewise
 * @param variants each variant, as filters see it
 */
public record ListedProduct(ProductSummary summary, String searchableName, String searchableDescription,
		List<ListedVariant> variants) {

	static ListedProduct of(Product product) {
		return new ListedProduct(ProductSummary.of(product), lowerCase(product.getName()),
				lowerCase(product.getDescription()),
				product.getVariants()
					.stream()
					.map((variant) -> new ListedVariant(variant.size(), variant.colour(), variant.inStock()))
					.toList());
	}

	/**
	 * Whether the name or the description contains the text, taken literally.
	 * @param lowerCaseText the text, already in lower case ({@link #lowerCase})
	 * @return whether either contains it
	 */
	public boolean containsText(String lowerCaseText) {
		return this.searchableName.contains(lowerCaseText) || this.searchableDescription.contains(lowerCaseText);
	}

	/**
	 * Text as search compares it: lower case in the root locale, so the same for every
	 * shopper whatever their language.
	 * @param text the text
	 * @return the text in lower case, or empty for {@code null}
	 */
	public static String lowerCase(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
	}

	String slug() {
		return this.summary.slug();
	}

	/**
	 * Whether this and another version of the product sort the same way in every order a
	 * listing offers.
	 */
	boolean sortsLike(ListedProduct other) {
		return Objects.equals(this.summary.createdAt(), other.summary.createdAt())
				&& Objects.equals(this.summary.price(), other.summary.price())
				&& Objects.equals(this.summary.name(), other.summary.name());
	}

	/**
	 * One variant as listing filters see it.
	 *
	 * @param size the size
	 * @param colour the colour
	 * @param inStock whether any unit can be bought
	 */
	public record ListedVariant(Size size, String colour, boolean inStock) {

	}

}
