package com.littlethreads.catalog.search;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;

import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.catalog.product.Size;

/**
 * What a shopper asked the listing for, and the MongoDB filters it means. Values of one
 * filter are alternatives (OR); different filters all apply (AND). Size, colour and
 * in-stock apply to one variant together.
 *
 * @param categories wanted categories, or empty for all
 * @param genders wanted genders, or empty for all
 * @param sizes wanted sizes, or empty for all
 * @param colours wanted colours, or empty for all
 * @param minPrice lowest price in minor units, inclusive, or {@code null}
 * @param maxPrice highest price in minor units, inclusive, or {@code null}
 * @param inStock only products with a matching variant in stock
 * @param featured only featured products (or only others), or {@code null} for both
 * @param text words to find literally in name or description, or {@code null}
 * @param sort the order
 * @param page the page, from 0
 * @param pageSize the page size
 */
public record SearchCriteria(Set<Category> categories, Set<Gender> genders, Set<Size> sizes, Set<String> colours,
		Long minPrice, Long maxPrice, boolean inStock, Boolean featured, String text, ProductSort sort, int page,
		int pageSize) {

	/**
	 * Every active product: what the category counts are taken over.
	 * @return the criteria
	 */
	public static SearchCriteria everything() {
		return new SearchCriteria(Set.of(), Set.of(), Set.of(), Set.of(), null, null, false, null, null,
				ProductSort.NEWEST, 0, 1);
	}

	/**
	 * The product-level filter, leaving out one facet's own filter (for counting that
	 * facet), or none.
	 * @param without the facet whose filter to leave out, or {@code null}
	 * @return the filter document
	 */
	Document productFilter(Facet without) {
		List<Document> all = new ArrayList<>();
		all.add(new Document("status", ProductStatus.ACTIVE.name()));
		if (!this.categories.isEmpty() && without != Facet.CATEGORY) {
			all.add(new Document("category", new Document("$in", names(this.categories))));
		}
		if (!this.genders.isEmpty() && without != Facet.GENDER) {
			all.add(new Document("gender", new Document("$in", names(this.genders))));
		}
		if (this.minPrice != null) {
			all.add(new Document("price.amount", new Document("$gte", this.minPrice)));
		}
		if (this.maxPrice != null) {
			all.add(new Document("price.amount", new Document("$lte", this.maxPrice)));
		}
		if (this.featured != null) {
			all.add(new Document("featured", this.featured));
		}
		if (this.text != null && !this.text.isBlank()) {
			Pattern literal = Pattern.compile(escapeRegex(this.text.trim()), Pattern.CASE_INSENSITIVE);
			all.add(new Document("$or", List.of(new Document("name", literal), new Document("description", literal))));
		}
		Document variant = variantFilter(without, "");
		if (!variant.isEmpty()) {
			all.add(new Document("variants", new Document("$elemMatch", variant)));
		}
		return new Document("$and", all);
	}

	/**
	 * The variant-level filter, with field names prefixed (for an unwound variant).
	 * @param without the facet whose filter to leave out, or {@code null}
	 * @param prefix prepended to each field name
	 * @return the filter document, empty when no variant filter applies
	 */
	Document variantFilter(Facet without, String prefix) {
		Document filter = new Document();
		if (!this.sizes.isEmpty() && without != Facet.SIZE) {
			filter.append(prefix + "size", new Document("$in", names(this.sizes)));
		}
		if (!this.colours.isEmpty() && without != Facet.COLOUR) {
			filter.append(prefix + "colour", new Document("$in", List.copyOf(this.colours)));
		}
		if (this.inStock) {
			filter.append(prefix + "stock", new Document("$gt", 0));
		}
		return filter;
	}

	private static List<String> names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().toList();
	}

	/**
	 * Escapes every regular-expression metacharacter, so that the text is matched
	 * literally by any regex engine (MongoDB's PCRE and Java's alike), never interpreted.
	 * Control characters are written as {@code \xHH} escapes: a BSON pattern cannot carry
	 * a NUL at all (the driver cuts the pattern there or refuses it), and a raw control
	 * character in a pattern is a trap for whoever reads it in a log.
	 * @param text the text
	 * @return a pattern matching exactly that text
	 */
	static String escapeRegex(String text) {
		StringBuilder escaped = new StringBuilder(text.length() * 2);
		for (char c : text.toCharArray()) {
			if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
				escaped.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
				continue;
			}
			if ("\\^$.|?*+()[]{}-#/".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
