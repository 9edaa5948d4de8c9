package com.littlethreads.catalog.search;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.littlethreads.catalog.product.ActiveProducts;
import com.littlethreads.catalog.product.Listing;

/**
 * Answers listings from the in-memory catalog, and keeps recent answers by what was asked
 * and the {@link Listing#version() version} of the catalog they were computed from. An
 * answer is never evicted because the catalog changed: a changed catalog has a new
 * version, so it is simply not asked for again, and the least used answers make room.
 * However many requests ask for the same missing answer at once, it is computed once and
 * the others wait for it. Answers are computed from the {@link ListingIndex index} of the
 * latest listing, built once for each new listing.
 */
@Component
public class ProductSearch {

	private final Supplier<Listing> listings;

	private final Function<Listing, ListingIndex> indexes;

	private final BiFunction<ListingIndex, SearchCriteria, ProductPage> answers;

	private final Cache<Key, ProductPage> pages;

	/**
	 * The index of the latest listing asked for.
	 */
	private volatile ListingIndex index;

	@Autowired
	ProductSearch(ActiveProducts products, SearchProperties properties) {
		this(products::listing, ListingIndex::of, ListingQuery::answer, properties.cacheSize());
	}

	ProductSearch(Supplier<Listing> listings, Function<Listing, ListingIndex> indexes,
			BiFunction<ListingIndex, SearchCriteria, ProductPage> answers, int cacheSize) {
		this.listings = listings;
		this.indexes = indexes;
		this.answers = answers;
		this.pages = Caffeine.newBuilder().maximumSize(cacheSize).build();
	}

	public ProductPage search(SearchCriteria criteria) {
		Listing listing = this.listings.get();
		// Caffeine's get computes a missing value once, atomically, while other callers
		// for the same key wait for it.
		return this.pages.get(new Key(criteria, listing.version()),
				(key) -> this.answers.apply(index(listing), key.criteria()));
	}

	/**
	 * The listing's index, built once by whichever request first needs it while the
	 * others that need it wait.
	 */
	private ListingIndex index(Listing listing) {
		ListingIndex index = this.index;
		if (index != null && index.listing() == listing) {
			return index;
		}
		synchronized (this) {
			index = this.index;
			if (index == null || index.listing() != listing) {
				index = this.indexes.apply(listing);
				// An older listing's index, asked for late, is not kept over a newer one.
				if (this.index == null || this.index.listing().version() < listing.version()) {
					this.index = index;
				}
			}
			return index;
		}
	}

	/**
	 * An answer's key.
	 *
	 * @param criteria what was asked
	 * @param version the catalog's version it was answered from
	 */
	private record Key(SearchCriteria criteria, long version) {

	}

}
