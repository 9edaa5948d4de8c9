package com.littlethreads.catalog.product;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An active product as listings see it: its tile, what text search looks in, and each
 * variant's size, colour and whether it is in stock. Stock counts are left out on
 * purpose: a listing only ever shows in stock or not, so a sale that leaves a variant in
 * stock does not change any listing.
 * <p>
 * The variants are packed into one {@code int} each (size, colour number, in stock): a
 * listing's index reads every variant of every product each time the listing changes.
 */
public final class ListedProduct {

	private static final int SIZE_BITS = 5;

	private static final int IN_STOCK = 1 << 31;

	private final ProductSummary summary;

	private final String searchableName;

	private final String searchableDescription;

	private final int[] variants;

	// Copied out of the summary, where a filter would have to look them up each time.
	private final long price;

	private final int category;

	private final int gender;

	private ListedProduct(ProductSummary summary, String searchableName, String searchableDescription, int[] variants) {
		this.summary = summary;
		this.searchableName = searchableName;
		this.searchableDescription = searchableDescription;
		this.variants = variants;
		this.price = summary.price().amount();
		this.category = summary.category().ordinal();
		this.gender = summary.gender().ordinal();
	}

	public static ListedProduct of(Product product) {
		int[] variants = new int[product.getVariants().size()];
		for (int i = 0; i < variants.length; i++) {
			Variant variant = product.getVariants().get(i);
			variants[i] = variant.size().ordinal() | (Colours.id(variant.colour()) << SIZE_BITS)
					| (variant.inStock() ? IN_STOCK : 0);
		}
		return new ListedProduct(ProductSummary.of(product), lowerCase(product.getName()),
				lowerCase(product.getDescription()), variants);
	}

	/**
	 * The tile.
	 * @return the product as a listing shows it
	 */
	public ProductSummary summary() {
		return this.summary;
	}

	/**
	 * The price.
	 * @return the price in minor units
	 */
	public long price() {
		return this.price;
	}

	/**
	 * The category.
	 * @return the ordinal of its {@link Category}
	 */
	public int category() {
		return this.category;
	}

	/**
	 * Who it is cut for.
	 * @return the ordinal of its {@link Gender}
	 */
	public int gender() {
		return this.gender;
	}

	/**
	 * How many variants there are.
	 * @return the count
	 */
	public int variants() {
		return this.variants.length;
	}

	/**
	 * A variant's size.
	 * @param variant the variant's index
	 * @return the ordinal of its {@link Size}
	 */
	public int size(int variant) {
		return this.variants[variant] & ((1 << SIZE_BITS) - 1);
	}

	/**
	 * A variant's colour.
	 * @param variant the variant's index
	 * @return the colour's number ({@link Colours})
	 */
	public int colour(int variant) {
		return (this.variants[variant] & ~IN_STOCK) >>> SIZE_BITS;
	}

	/**
	 * Whether a variant can be bought.
	 * @param variant the variant's index
	 * @return whether any unit is in stock
	 */
	public boolean inStock(int variant) {
		return (this.variants[variant] & IN_STOCK) != 0;
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

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ListedProduct listed && this.summary.equals(listed.summary)
				&& this.searchableName.equals(listed.searchableName)
				&& this.searchableDescription.equals(listed.searchableDescription)
				&& Arrays.equals(this.variants, listed.variants));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.summary, this.searchableName, this.searchableDescription,
				Arrays.hashCode(this.variants));
	}

	@Override
	public String toString() {
		return "ListedProduct[" + this.summary.slug() + "]";
	}

}
