package com.littlethreads.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.ErrorResponseException;

import static com.littlethreads.catalog.product.ProductBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How products are stored and changed: unique slugs and SKUs, version-guarded edits and
 * atomic restocks. Subclasses choose the store.
 */
@Import(ProductPersistenceContract.FixedClock.class)
abstract class ProductPersistenceContract {

	static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	@Autowired
	ProductRepository products;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void emptyStore() {
		this.products.deleteAll();
	}

	@Test
	void slugAndSkuIndexesAreCreatedUnique() {
		List<IndexInfo> indexes = this.mongo.indexOps(Product.class).getIndexInfo();

		assertThat(indexes).filteredOn((index) -> index.isIndexForFields(List.of("slug")))
			.singleElement()
			.satisfies((index) -> assertThat(index.isUnique()).isTrue());
		assertThat(indexes).filteredOn((index) -> index.isIndexForFields(List.of("variants.sku")))
			.singleElement()
			.satisfies((index) -> assertThat(index.isUnique()).isTrue());
	}

	@Test
	void holdsAreIndexedByTimeForTheRepairJob() {
		List<IndexInfo> indexes = this.mongo.indexOps(Product.class).getIndexInfo();

		assertThat(indexes).filteredOn((index) -> index.isIndexForFields(List.of("holds.at"))).singleElement();
	}

	@Test
	void secondProductWithTheSameSlugIsRejected() {
		this.products.insert(aProduct("cord-dungarees").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.products
			.insert(aProduct("cord-dungarees").withName("Copy").withVariant("LT-2-RED-4T", Size.T4, "red", 5).build()));

		assertThat(this.products.count()).isOne();
		assertThat(this.products.findBySlug("cord-dungarees").orElseThrow().getName()).isEqualTo("Test Dungarees");
	}

	@Test
	void skuUsedByAnotherProductIsRejected() {
		this.products.insert(aProduct("first").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.products.insert(aProduct("second").withVariant("LT-2-RED-4T", Size.T4, "red", 5)
				.withVariant("LT-1-RED-4T", Size.Y5, "red", 5)
				.build()));

		assertThat(this.products.existsBySlug("second")).isFalse();
		assertThat(this.products.count()).isOne();
	}

	@Test
	void editAtTheCurrentVersionAppliesAndMovesToTheNextVersion() {
		this.products.insert(aProduct("renamed").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		Product edited = this.products.edit("renamed", 0, new Update().set("name", "Renamed Dungarees"));

		assertThat(edited.getName()).isEqualTo("Renamed Dungarees");
		assertThat(edited.getVersion()).isOne();
		Product stored = this.products.findBySlug("renamed").orElseThrow();
		assertThat(stored.getName()).isEqualTo("Renamed Dungarees");
		assertThat(stored.getVersion()).isOne();
		assertThat(stored.getUpdatedAt()).isEqualTo(NOW);
		assertThat(stored.getCreatedAt()).isEqualTo(ProductBuilder.CREATED);
		assertThat(stored.getVariants()).containsExactly(new Variant("LT-1-RED-4T", Size.T4, "red", 5));
	}

	@Test
	void editAtAStaleVersionFailsAndLeavesTheProductUnchanged() {
		this.products.insert(aProduct("edited-twice").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.products.edit("edited-twice", 0, new Update().set("name", "First edit"));

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.products.edit("edited-twice", 0, new Update().set("name", "Lost edit")));

		Product stored = this.products.findBySlug("edited-twice").orElseThrow();
		assertThat(stored.getName()).isEqualTo("First edit");
		assertThat(stored.getVersion()).isOne();
	}

	@Test
	void editOfAnUnknownProductIsNotFound() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.products.edit("no-such-product", 0, new Update().set("name", "Ghost")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(404);
				assertThat(ex.getBody().getType()).hasToString("https://littlethreads.shop/problems/product-not-found");
			});

		assertThat(this.products.count()).isZero();
	}

	@Test
	void restockAddsToTheNamedVariantOnlyAndKeepsTheVersion() {
		this.products.insert(aProduct("restocked").withVariant("LT-1-RED-4T", Size.T4, "red", 5)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 2)
			.withVariant("LT-1-NAVY-4T", Size.T4, "navy", 0)
			.build());
		this.products.edit("restocked", 0, new Update().set("name", "Edited once"));

		Optional<Product> restocked = this.products.restock("restocked", "LT-1-RED-5Y", 7, 100);

		assertThat(restocked).isPresent();
		assertThat(restocked.get().variant("LT-1-RED-5Y").orElseThrow().stock()).isEqualTo(9);
		Product stored = this.products.findBySlug("restocked").orElseThrow();
		assertThat(stored.getVariants()).containsExactly(new Variant("LT-1-RED-4T", Size.T4, "red", 5),
				new Variant("LT-1-RED-5Y", Size.Y5, "red", 9), new Variant("LT-1-NAVY-4T", Size.T4, "navy", 0));
		assertThat(stored.getVersion()).isOne();
		assertThat(stored.getName()).isEqualTo("Edited once");
	}

	@Test
	void restockUpToExactlyTheMaximumIsAccepted() {
		this.products.insert(aProduct("full").withVariant("LT-1-RED-4T", Size.T4, "red", 90).build());

		assertThat(this.products.restock("full", "LT-1-RED-4T", 10, 100)).isPresent();

		assertThat(stock("full", "LT-1-RED-4T")).isEqualTo(100);
	}

	@Test
	void restockBeyondTheMaximumIsRefusedAndChangesNothing() {
		this.products.insert(aProduct("overfull").withVariant("LT-1-RED-4T", Size.T4, "red", 90).build());

		assertThat(this.products.restock("overfull", "LT-1-RED-4T", 11, 100)).isEmpty();

		assertThat(stock("overfull", "LT-1-RED-4T")).isEqualTo(90);
	}

	@Test
	void restockOfAnUnknownSkuIsRefused() {
		this.products.insert(aProduct("known").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		assertThat(this.products.restock("known", "LT-1-PINK-4T", 3, 100)).isEmpty();
		assertThat(this.products.restock("unknown", "LT-1-RED-4T", 3, 100)).isEmpty();

		assertThat(stock("known", "LT-1-RED-4T")).isEqualTo(5);
	}

	@Test
	void restockOfAnotherProductsSkuIsRefused() {
		this.products.insert(aProduct("one").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.products.insert(aProduct("two").withVariant("LT-2-RED-4T", Size.T4, "red", 5).build());

		assertThat(this.products.restock("one", "LT-2-RED-4T", 3, 100)).isEmpty();

		assertThat(stock("one", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(stock("two", "LT-2-RED-4T")).isEqualTo(5);
	}

	@Test
	void concurrentRestocksAreAllCounted() throws Exception {
		this.products.insert(aProduct("busy").withVariant("LT-1-RED-4T", Size.T4, "red", 3)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 4)
			.build());
		int restocks = 16;
		List<Optional<Product>> restocked = together(restocks,
				() -> this.products.restock("busy", "LT-1-RED-4T", 1, 100));

		assertThat(restocked).allMatch(Optional::isPresent);
		assertThat(stock("busy", "LT-1-RED-4T")).isEqualTo(3 + restocks);
		assertThat(stock("busy", "LT-1-RED-5Y")).isEqualTo(4);
		assertThat(this.products.findBySlug("busy").orElseThrow().getVersion()).isZero();
	}

	@Test
	void editVariantChangesSizeAndColourOfThatVariantOnlyAndKeepsItsStock() {
		this.products.insert(aProduct("moved").withVariant("LT-1-RED-4T", Size.T4, "red", 5)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 8)
			.build());

		Product edited = this.products.editVariant("moved", "LT-1-RED-4T", 0,
				new Update().set("variants.$[variant].size", Size.Y6).set("variants.$[variant].colour", "navy"));

		assertThat(edited.getVersion()).isOne();
		Product stored = this.products.findBySlug("moved").orElseThrow();
		assertThat(stored.getVariants()).containsExactly(new Variant("LT-1-RED-4T", Size.Y6, "navy", 5),
				new Variant("LT-1-RED-5Y", Size.Y5, "red", 8));
		assertThat(stored.getVersion()).isOne();
	}

	@Test
	void editVariantOfAnUnknownSkuIsVariantNotFoundNotAConflict() {
		this.products.insert(aProduct("plain").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.products.editVariant("plain", "LT-NOPE", 0,
					new Update().set("variants.$[variant].colour", "navy")))
			.satisfies((ex) -> assertThat(ex.getBody().getType().toString()).endsWith("/variant-not-found"));
		assertThat(this.products.findBySlug("plain").orElseThrow().getVersion()).isZero();
	}

	@Test
	void takingWithAHoldTakesOnceAndRecordsTheHold() {
		this.products.insert(aProduct("held").withVariant("LT-1-RED-4T", Size.T4, "red", 5)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 1)
			.build());

		StockHold.Taken first = this.products.takeStock("ord_1", "LT-1-RED-4T", 2, StockHold.Purpose.RESERVATION);
		StockHold.Taken again = this.products.takeStock("ord_1", "LT-1-RED-4T", 2, StockHold.Purpose.RESERVATION);
		StockHold.Taken otherwise = this.products.takeStock("ord_1", "LT-1-RED-4T", 1, StockHold.Purpose.RESERVATION);
		StockHold.Taken tooMany = this.products.takeStock("ord_1", "LT-1-RED-5Y", 2, StockHold.Purpose.RESERVATION);
		StockHold.Taken unknown = this.products.takeStock("ord_1", "LT-NOPE", 1, StockHold.Purpose.RESERVATION);

		assertThat(first.outcome()).isEqualTo(StockHold.Outcome.TAKEN);
		assertThat(first.product().variant("LT-1-RED-4T").orElseThrow().stock()).isEqualTo(3);
		assertThat(again.outcome()).isEqualTo(StockHold.Outcome.ALREADY_HELD);
		assertThat(otherwise.outcome()).isEqualTo(StockHold.Outcome.HELD_OTHERWISE);
		assertThat(tooMany.outcome()).isEqualTo(StockHold.Outcome.SHORT);
		assertThat(unknown.outcome()).isEqualTo(StockHold.Outcome.SHORT);
		assertThat(stock("held", "LT-1-RED-4T")).isEqualTo(3);
		assertThat(stock("held", "LT-1-RED-5Y")).isEqualTo(1);
		assertThat(this.products.findBySlug("held").orElseThrow().getVersion()).isZero();
		assertThat(this.products.holdsTakenBefore(NOW.plusMillis(1)))
			.containsExactly(new StockHold("ord_1", "LT-1-RED-4T", 2, NOW, StockHold.Purpose.RESERVATION));
		assertThat(this.products.holdsTakenBefore(NOW)).isEmpty();
	}

	@Test
	void concurrentGiveBacksReturnTheHeldUnitsExactlyOnce() throws Exception {
		this.products.insert(aProduct("given").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.products.takeStock("ord_1", "LT-1-RED-4T", 2, StockHold.Purpose.RESERVATION);
		assertThat(this.products.giveBack("ord_1", "LT-1-RED-4T", StockHold.Purpose.LATE_COMMIT)).isEmpty();
		List<Optional<Product>> givenBack = together(8,
				() -> this.products.giveBack("ord_1", "LT-1-RED-4T", StockHold.Purpose.RESERVATION));

		assertThat(givenBack).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(stock("given", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(this.products.holdsTakenBefore(NOW.plusSeconds(1))).isEmpty();
	}

	@Test
	void aHoldGoesBackWhenTheLastCallRelyingOnItLetsGo() {
		this.products.insert(aProduct("shared").withVariant("LT-1-RED-4T", Size.T4, "red", 5)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 5)
			.build());
		this.products.takeStock("ord_1", "LT-1-RED-4T", 2, StockHold.Purpose.RESERVATION);
		this.products.takeStock("ord_1", "LT-1-RED-5Y", 2, StockHold.Purpose.RESERVATION);
		assertThat(this.products.takeStock("ord_1", "LT-1-RED-4T", 2, StockHold.Purpose.RESERVATION).outcome())
			.isEqualTo(StockHold.Outcome.ALREADY_HELD);

		assertThat(this.products.withdraw("ord_1", "LT-1-RED-4T", StockHold.Purpose.RESERVATION)).isEmpty();
		assertThat(this.products.withdraw("ord_1", "LT-1-RED-5Y", StockHold.Purpose.RESERVATION)).isPresent();
		assertThat(stock("shared", "LT-1-RED-4T")).isEqualTo(3);
		assertThat(stock("shared", "LT-1-RED-5Y")).isEqualTo(5);

		assertThat(this.products.withdraw("ord_1", "LT-1-RED-4T", StockHold.Purpose.RESERVATION)).isPresent();
		assertThat(stock("shared", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(this.products.withdraw("ord_1", "LT-1-RED-4T", StockHold.Purpose.RESERVATION)).isEmpty();
		assertThat(stock("shared", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(this.products.holdsTakenBefore(NOW.plusSeconds(1))).isEmpty();
	}

	@Test
	void givingBackIgnoresHowManyCallsRelyOnTheHold() {
		this.products.insert(aProduct("given").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.products.takeStock("ord_1", "LT-1-RED-4T", 2, StockHold.Purpose.RESERVATION);
		this.products.takeStock("ord_1", "LT-1-RED-4T", 2, StockHold.Purpose.RESERVATION);

		assertThat(this.products.giveBack("ord_1", "LT-1-RED-4T", StockHold.Purpose.RESERVATION)).isPresent();

		assertThat(stock("given", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(this.products.withdraw("ord_1", "LT-1-RED-4T", StockHold.Purpose.RESERVATION)).isEmpty();
		assertThat(stock("given", "LT-1-RED-4T")).isEqualTo(5);
	}

	@Test
	void settlingRemovesTheHoldAndLeavesTheStockTaken() {
		this.products.insert(aProduct("sold").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.products.takeStock("ord_1", "LT-1-RED-4T", 2, StockHold.Purpose.RESERVATION);
		this.products.takeStock("ord_2", "LT-1-RED-4T", 1, StockHold.Purpose.RESERVATION);

		assertThat(this.products.settle("ord_1", "LT-1-RED-4T")).isTrue();
		assertThat(this.products.settle("ord_1", "LT-1-RED-4T")).isFalse();

		assertThat(stock("sold", "LT-1-RED-4T")).isEqualTo(2);
		assertThat(this.products.giveBack("ord_1", "LT-1-RED-4T", StockHold.Purpose.RESERVATION)).isEmpty();
		assertThat(this.products.holdsTakenBefore(NOW.plusSeconds(1))).extracting(StockHold::orderId)
			.containsExactly("ord_2");
	}

	/**
	 * Calls {@code task} {@code times} times on eight threads, released all at once.
	 * @return the answers, in the order the calls were made
	 */
	private static <T> List<T> together(int times, Callable<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<T>> results = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> answers = new ArrayList<>();
			for (Future<T> result : results) {
				answers.add(result.get(30, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private int stock(String slug, String sku) {
		return this.products.findBySlug(slug).orElseThrow().variant(sku).orElseThrow().stock();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
