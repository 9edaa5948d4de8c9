package com.littlethreads.catalog.search;

import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Colours;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.ListedProduct;
import com.littlethreads.catalog.product.Listing;
import com.littlethreads.catalog.product.Size;

/**
 * A {@link Listing} as sets of products, one for each value a filter or a facet can take,
 * each a bit set with one bit per product (by its {@link Listing#get(int) place} in the
 * listing): a listing is then answered by combining a few dozen sets of a few thousand
 * bits rather than by asking every product. Built once per listing, it never changes.
 * <p>
 * A size and a colour must be found on the same variant, so the variants are indexed by
 * pair: which products have a variant of this size in this colour, and which have one in
 * stock. At 10,000 products a set is 1.25 KB, and the whole index about 1.2 MB.
 */
final class ListingIndex {

	/**
	 * Which sets are asked: any variant, or only variants in stock.
	 */
	static final int ANY = 0;

	static final int IN_STOCK = 1;

	private final Listing listing;

	private final int words;

	private final long[] prices;

	private final long[][] categories;

	private final long[][] genders;

	/**
	 * By [ANY or IN_STOCK][size][colour]: the products with such a variant, or
	 * {@code null} for none.
	 */
	private final long[][][][] variants;

	/**
	 * By [ANY or IN_STOCK][size]: the products with a variant of that size.
	 */
	private final long[][][] sizes;

	/**
	 * By [ANY or IN_STOCK][colour]: the products with a variant in that colour.
	 */
	private final long[][][] colours;

	/**
	 * By [ANY or IN_STOCK]: the products with a variant at all.
	 */
	private final long[][] anyVariant;

	private ListingIndex(Listing listing) {
		this.listing = listing;
		int count = listing.size();
		this.words = (count + 63) >>> 6;
		this.prices = new long[count];
		this.categories = new long[Category.values().length][this.words];
		this.genders = new long[Gender.values().length][this.words];
		int colourCount = Colours.count();
		this.variants = new long[2][Size.values().length][colourCount][];
		for (int p = 0; p < count; p++) {
			ListedProduct product = listing.get(p);
			this.prices[p] = product.price();
			set(this.categories[product.category()], p);
			set(this.genders[product.gender()], p);
			for (int i = 0; i < product.variants(); i++) {
				set(variantSet(ANY, product.size(i), product.colour(i)), p);
				if (product.inStock(i)) {
					set(variantSet(IN_STOCK, product.size(i), product.colour(i)), p);
				}
			}
		}
		this.sizes = new long[2][Size.values().length][this.words];
		this.colours = new long[2][colourCount][this.words];
		this.anyVariant = new long[2][this.words];
		for (int stock = ANY; stock <= IN_STOCK; stock++) {
			for (int size = 0; size < Size.values().length; size++) {
				for (int colour = 0; colour < colourCount; colour++) {
					long[] pair = this.variants[stock][size][colour];
					if (pair != null) {
						orInto(this.sizes[stock][size], pair);
						orInto(this.colours[stock][colour], pair);
						orInto(this.anyVariant[stock], pair);
					}
				}
			}
		}
	}

	static ListingIndex of(Listing listing) {
		return new ListingIndex(listing);
	}

	Listing listing() {
		return this.listing;
	}

	/**
	 * How many {@code long}s a set of this index takes.
	 */
	int words() {
		return this.words;
	}

	long price(int place) {
		return this.prices[place];
	}

	long[] category(int category) {
		return this.categories[category];
	}

	long[] gender(int gender) {
		return this.genders[gender];
	}

	/**
	 * The products with a variant of this size in this colour.
	 * @return the set, or {@code null} for none
	 */
	long[] variants(int stock, int size, int colour) {
		return (colour < this.variants[stock][size].length) ? this.variants[stock][size][colour] : null;
	}

	long[] size(int stock, int size) {
		return this.sizes[stock][size];
	}

	/**
	 * The products with a variant in this colour.
	 * @return the set, or {@code null} for none
	 */
	long[] colour(int stock, int colour) {
		return (colour < this.colours[stock].length) ? this.colours[stock][colour] : null;
	}

	/**
	 * How many colours have a set, including those no product listed has.
	 */
	int colours() {
		return this.colours[ANY].length;
	}

	long[] anyVariant(int stock) {
		return this.anyVariant[stock];
	}

	private long[] variantSet(int stock, int size, int colour) {
		long[] set = this.variants[stock][size][colour];
		if (set == null) {
			set = new long[this.words];
			this.variants[stock][size][colour] = set;
		}
		return set;
	}

	private static void set(long[] set, int place) {
		set[place >>> 6] |= 1L << place;
	}

	static void orInto(long[] into, long[] set) {
		for (int i = 0; i < into.length; i++) {
			into[i] |= set[i];
		}
	}

}
