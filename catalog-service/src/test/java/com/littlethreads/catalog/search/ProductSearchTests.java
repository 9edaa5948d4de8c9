package com.littlethreads.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import com.littlethreads.catalog.product.Listing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing answers are kept by what was asked and the catalog's version, and a missing one
 * is computed once however many requests want it at the same moment.
 */
class ProductSearchTests {

	private static final int REQUESTS = 16;

	private final AtomicReference<Listing> listing = new AtomicReference<>(Listing.of(1, List.of()));

	private final AtomicInteger computed = new AtomicInteger();

	private volatile CountDownLatch arrivals = new CountDownLatch(0);

	/**
	 * Computes an answer, but only once every request has arrived: a cache that let each
	 * request compute would have all of them in here at once.
	 */
	private final BiFunction<ListingIndex, SearchCriteria, ProductPage> slowAnswers = (index, criteria) -> {
		this.computed.incrementAndGet();
		awaitArrivals();
		return new ProductPage(List.of(), criteria.page(), criteria.pageSize(), index.listing().version(), Map.of());
	};

	private final ProductSearch search = new ProductSearch(this.listing::get, ListingIndex::of, this.slowAnswers, 100);

	@Test
	void concurrentRequestsForAMissingAnswerComputeItOnce() throws Exception {
		List<ProductPage> answers = together(SearchCriteria.everything());

		assertThat(this.computed).hasValue(1);
		assertThat(answers).hasSize(REQUESTS).allMatch((answer) -> answer == answers.get(0));
	}

	@Test
	void anAnswerOfAChangedCatalogIsComputedOnceMore() throws Exception {
		together(SearchCriteria.everything());

		this.listing.set(Listing.of(2, List.of()));
		List<ProductPage> answers = together(SearchCriteria.everything());

		assertThat(this.computed).hasValue(2);
		assertThat(answers).allMatch((answer) -> answer.total() == 2);
	}

	@Test
	void anAnswerIsKeptWhileTheCatalogStaysTheSame() throws Exception {
		ProductPage first = this.search.search(SearchCriteria.everything());

		ProductPage again = this.search.search(SearchCriteria.everything());
		ProductPage other = this.search.search(new SearchCriteria(Set.of(), Set.of(), Set.of(), Set.of("navy"), null,
				null, false, null, null, ProductSort.NEWEST, 0, 24));

		assertThat(again).isSameAs(first);
		assertThat(other).isNotSameAs(first);
		assertThat(this.computed).hasValue(2);
	}

	@Test
	void concurrentRequestsForAChangedCatalogBuildItsIndexOnce() throws Exception {
		AtomicInteger built = new AtomicInteger();
		Function<Listing, ListingIndex> slowIndexes = (listing) -> {
			built.incrementAndGet();
			awaitArrivals();
			return ListingIndex.of(listing);
		};
		// Each answer says which index it was computed from.
		ProductSearch search = new ProductSearch(this.listing::get, slowIndexes,
				(index, criteria) -> new ProductPage(List.of(), criteria.page(), criteria.pageSize(),
						System.identityHashCode(index), Map.of()),
				100);
		search.search(SearchCriteria.everything());
		this.listing.set(Listing.of(2, List.of()));

		// A different search from each request, so that no two wait for the same answer.
		List<ProductPage> answers = together(search, (request) -> new SearchCriteria(Set.of(), Set.of(), Set.of(),
				Set.of(), null, null, false, null, null, ProductSort.NEWEST, request, 24));

		assertThat(built).hasValue(2);
		assertThat(answers).extracting(ProductPage::total).containsOnly(answers.get(0).total());
	}

	private void awaitArrivals() {
		try {
			this.arrivals.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<ProductPage> together(SearchCriteria criteria) throws Exception {
		return together(this.search, (request) -> criteria);
	}

	/**
	 * Sends a search from each of {@link #REQUESTS} threads at once.
	 */
	private List<ProductPage> together(ProductSearch search, IntFunction<SearchCriteria> criteria) throws Exception {
		this.arrivals = new CountDownLatch(REQUESTS);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
		try {
			List<Future<ProductPage>> futures = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				SearchCriteria asked = criteria.apply(i);
				futures.add(threads.submit(() -> {
					start.await();
					this.arrivals.countDown();
					return search.search(asked);
				}));
			}
			start.countDown();
			List<ProductPage> answers = new ArrayList<>();
			for (Future<ProductPage> future : futures) {
				answers.add(future.get(30, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
