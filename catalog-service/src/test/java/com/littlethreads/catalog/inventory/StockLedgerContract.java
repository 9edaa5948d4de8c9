package com.littlethreads.catalog.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.littlethreads.catalog.inventory.StockHold.Outcome;
import com.littlethreads.catalog.inventory.StockHold.Purpose;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductBuilder;
import com.littlethreads.catalog.product.ProductRepository;
import com.littlethreads.catalog.product.Size;
import com.littlethreads.catalog.product.StockChanged;
import com.littlethreads.catalog.product.Variant;
import com.littlethreads.platform.test.Concurrently;

import static com.littlethreads.catalog.product.ProductBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How stock moves: atomic restocks, holds taken and given back exactly once however calls
 * race, and every stock move announced and counted in the product's revision while its
 * version and details stay as they were. Subclasses choose the store.
 */
@Import({ StockLedger.class, StockLedgerContract.FixedClock.class })
@RecordApplicationEvents
abstract class StockLedgerContract {

	static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	/**
	 * When the holds taken here lapse: their reservation's expiry.
	 */
	static final Instant UNTIL = NOW.plus(Duration.ofMinutes(30));

	@Autowired
	StockLedger ledger;

	@Autowired
	ProductRepository products;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void emptyStore() {
		this.products.deleteAll();
	}

	@Test
	void holdsAreIndexedByTimeForTheRepairJob() {
		List<IndexInfo> indexes = this.mongo.indexOps(Product.class).getIndexInfo();

		assertThat(indexes).filteredOn((index) -> index.isIndexForFields(List.of("holds.until"))).singleElement();
		assertThat(indexes).filteredOn((index) -> index.isIndexForFields(List.of("holds.at"))).singleElement();
	}

	@Test
	void onlyHoldsThatLapsedAreFoundNotThoseOfLiveReservations() {
		this.products.insert(aProduct("busy").withVariant("LT-1-RED-4T", Size.T4, "red", 9)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 9)
			.build());
		this.products.insert(aProduct("quiet").withVariant("LT-2-RED-4T", Size.T4, "red", 9).build());
		this.ledger.takeStock("ord_live", "LT-1-RED-4T", 1, UNTIL, Purpose.RESERVATION);
		this.ledger.takeStock("ord_late", "LT-1-RED-5Y", 1, NOW, Purpose.LATE_COMMIT);
		this.ledger.takeStock("ord_later", "LT-2-RED-4T", 1, UNTIL.plusSeconds(60), Purpose.RESERVATION);

		assertThat(this.ledger.holdsLapsedBefore(NOW)).isEmpty();
		assertThat(this.ledger.holdsLapsedBefore(NOW.plusSeconds(1))).extracting(StockHold::orderId)
			.containsExactly("ord_late");
		assertThat(this.ledger.holdsLapsedBefore(UNTIL.plusSeconds(1))).extracting(StockHold::orderId)
			.containsExactlyInAnyOrder("ord_live", "ord_late");
	}

	@Test
	void aHoldStoredBeforeHoldsHadAnExpiryLapsedWhenItWasTaken() {
		this.products.insert(aProduct("old").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		Document stored = new Document("key", "ord_old/LT-1-RED-4T").append("orderId", "ord_old")
			.append("sku", "LT-1-RED-4T")
			.append("quantity", 2)
			.append("at", Date.from(NOW))
			.append("purpose", "RESERVATION")
			.append("reliedOnBy", 1);
		this.mongo.getCollection("products")
			.updateOne(new Document("slug", "old"), new Document("$push", new Document("holds", stored)));

		assertThat(this.ledger.holdsLapsedBefore(NOW)).isEmpty();
		assertThat(this.ledger.holdsLapsedBefore(NOW.plusSeconds(1)))
			.containsExactly(new StockHold("ord_old", "LT-1-RED-4T", 2, NOW, NOW, Purpose.RESERVATION));
	}

	@Test
	void restockAddsToTheNamedVariantOnlyAndKeepsTheVersionAndDetails() {
		this.products.insert(aProduct("restocked").withVariant("LT-1-RED-4T", Size.T4, "red", 5)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 2)
			.withVariant("LT-1-NAVY-4T", Size.T4, "navy", 0)
			.build());
		this.products.edit("restocked", 0, new Update().set("name", "Edited once"));
		Instant edited = this.products.findBySlug("restocked").orElseThrow().getUpdatedAt();

		Optional<Product> restocked = this.ledger.restock("restocked", "LT-1-RED-5Y", 7);

		assertThat(restocked).isPresent();
		assertThat(restocked.get().variant("LT-1-RED-5Y").orElseThrow().stock()).isEqualTo(9);
		Product stored = this.products.findBySlug("restocked").orElseThrow();
		assertThat(stored.getVariants()).containsExactly(new Variant("LT-1-RED-4T", Size.T4, "red", 5),
				new Variant("LT-1-RED-5Y", Size.Y5, "red", 9), new Variant("LT-1-NAVY-4T", Size.T4, "navy", 0));
		assertThat(stored.getVersion()).isOne();
		assertThat(stored.getName()).isEqualTo("Edited once");
		assertThat(stored.getUpdatedAt()).isEqualTo(edited);
	}

	@Test
	void everyStockMoveIsAnnouncedAndCountsInTheRevision() {
		this.products.insert(aProduct("moving").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		this.ledger.restock("moving", "LT-1-RED-4T", 1);
		this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION);
		this.ledger.takeStock("ord_2", "LT-1-RED-4T", 9, UNTIL, Purpose.RESERVATION);
		this.ledger.settle("ord_1", "LT-1-RED-4T");
		this.ledger.takeStock("ord_3", "LT-1-RED-4T", 1, UNTIL, Purpose.RESERVATION);
		this.ledger.giveBack("ord_3", "LT-1-RED-4T", Purpose.RESERVATION);

		// Restock, two takes and a give-back moved stock; the short take and the settle
		// did not.
		assertThat(this.events.stream(StockChanged.class)).hasSize(4)
			.allMatch((event) -> event.equals(new StockChanged("moving", "LT-1-RED-4T")));
		Product stored = this.products.findBySlug("moving").orElseThrow();
		assertThat(stored.getRev()).isEqualTo(4);
		assertThat(stored.getVersion()).isZero();
		assertThat(stored.getUpdatedAt()).isEqualTo(ProductBuilder.CREATED);
		assertThat(stock("moving", "LT-1-RED-4T")).isEqualTo(4);
	}

	@Test
	void restockUpToExactlyTheMaximumIsAccepted() {
		this.products.insert(aProduct("full").withVariant("LT-1-RED-4T", Size.T4, "red", 99_990).build());

		assertThat(this.ledger.restock("full", "LT-1-RED-4T", 10)).isPresent();

		assertThat(stock("full", "LT-1-RED-4T")).isEqualTo(Variant.MAXIMUM_STOCK);
	}

	@Test
	void restockBeyondTheMaximumIsRefusedAndChangesNothing() {
		this.products.insert(aProduct("overfull").withVariant("LT-1-RED-4T", Size.T4, "red", 99_990).build());

		assertThat(this.ledger.restock("overfull", "LT-1-RED-4T", 11)).isEmpty();

		assertThat(stock("overfull", "LT-1-RED-4T")).isEqualTo(99_990);
		assertThat(this.events.stream(StockChanged.class)).isEmpty();
	}

	@Test
	void restockOfAnUnknownSkuIsRefused() {
		this.products.insert(aProduct("known").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		assertThat(this.ledger.restock("known", "LT-1-PINK-4T", 3)).isEmpty();
		assertThat(this.ledger.restock("unknown", "LT-1-RED-4T", 3)).isEmpty();

		assertThat(stock("known", "LT-1-RED-4T")).isEqualTo(5);
	}

	@Test
	void restockOfAnotherProductsSkuIsRefused() {
		this.products.insert(aProduct("one").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.products.insert(aProduct("two").withVariant("LT-2-RED-4T", Size.T4, "red", 5).build());

		assertThat(this.ledger.restock("one", "LT-2-RED-4T", 3)).isEmpty();

		assertThat(stock("one", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(stock("two", "LT-2-RED-4T")).isEqualTo(5);
	}

	@Test
	void concurrentRestocksAreAllCounted() throws Exception {
		this.products.insert(aProduct("busy").withVariant("LT-1-RED-4T", Size.T4, "red", 3)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 4)
			.build());
		int restocks = 16;
		List<Optional<Product>> restocked = Concurrently.run(restocks,
				(i) -> this.ledger.restock("busy", "LT-1-RED-4T", 1));

		assertThat(restocked).allMatch(Optional::isPresent);
		assertThat(stock("busy", "LT-1-RED-4T")).isEqualTo(3 + restocks);
		assertThat(stock("busy", "LT-1-RED-5Y")).isEqualTo(4);
		assertThat(this.products.findBySlug("busy").orElseThrow().getVersion()).isZero();
	}

	@Test
	void takingWithAHoldTakesOnceAndRecordsTheHold() {
		this.products.insert(aProduct("held").withVariant("LT-1-RED-4T", Size.T4, "red", 5)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 1)
			.build());

		Outcome first = this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION);
		Outcome again = this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION);
		Outcome otherwise = this.ledger.takeStock("ord_1", "LT-1-RED-4T", 1, UNTIL, Purpose.RESERVATION);
		Outcome tooMany = this.ledger.takeStock("ord_1", "LT-1-RED-5Y", 2, UNTIL, Purpose.RESERVATION);
		Outcome unknown = this.ledger.takeStock("ord_1", "LT-NOPE", 1, UNTIL, Purpose.RESERVATION);

		assertThat(first).isEqualTo(Outcome.TAKEN);
		assertThat(again).isEqualTo(Outcome.ALREADY_HELD);
		assertThat(otherwise).isEqualTo(Outcome.HELD_OTHERWISE);
		assertThat(tooMany).isEqualTo(Outcome.SHORT);
		assertThat(unknown).isEqualTo(Outcome.SHORT);
		assertThat(stock("held", "LT-1-RED-4T")).isEqualTo(3);
		assertThat(stock("held", "LT-1-RED-5Y")).isEqualTo(1);
		assertThat(this.products.findBySlug("held").orElseThrow().getVersion()).isZero();
		assertThat(this.ledger.holdsLapsedBefore(UNTIL.plusMillis(1)))
			.containsExactly(new StockHold("ord_1", "LT-1-RED-4T", 2, NOW, UNTIL, Purpose.RESERVATION));
		assertThat(this.ledger.holdsLapsedBefore(UNTIL)).isEmpty();
	}

	@Test
	void concurrentTakesOfTheLastUnitsTakeExactlyThem() throws Exception {
		this.products.insert(aProduct("scarce").withVariant("LT-1-RED-4T", Size.T4, "red", 10).build());
		AtomicInteger orders = new AtomicInteger();
		List<Outcome> outcomes = Concurrently.run(50, (i) -> this.ledger.takeStock("ord_" + orders.incrementAndGet(),
				"LT-1-RED-4T", 1, UNTIL, Purpose.RESERVATION));

		assertThat(outcomes).filteredOn((outcome) -> outcome == Outcome.TAKEN).hasSize(10);
		assertThat(outcomes).filteredOn((outcome) -> outcome == Outcome.SHORT).hasSize(40);
		assertThat(stock("scarce", "LT-1-RED-4T")).isZero();
	}

	@Test
	void concurrentGiveBacksReturnTheHeldUnitsExactlyOnce() throws Exception {
		this.products.insert(aProduct("given").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION);
		assertThat(this.ledger.giveBack("ord_1", "LT-1-RED-4T", Purpose.LATE_COMMIT)).isFalse();
		List<Boolean> givenBack = Concurrently.run(8,
				(i) -> this.ledger.giveBack("ord_1", "LT-1-RED-4T", Purpose.RESERVATION));

		assertThat(givenBack).filteredOn(Boolean::booleanValue).hasSize(1);
		assertThat(stock("given", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(this.ledger.holdsLapsedBefore(UNTIL.plusSeconds(1))).isEmpty();
	}

	@Test
	void aHoldGoesBackWhenTheLastCallRelyingOnItLetsGo() {
		this.products.insert(aProduct("shared").withVariant("LT-1-RED-4T", Size.T4, "red", 5)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 5)
			.build());
		this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION);
		this.ledger.takeStock("ord_1", "LT-1-RED-5Y", 2, UNTIL, Purpose.RESERVATION);
		assertThat(this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION))
			.isEqualTo(Outcome.ALREADY_HELD);

		assertThat(this.ledger.withdraw("ord_1", "LT-1-RED-4T", Purpose.RESERVATION)).isFalse();
		assertThat(this.ledger.withdraw("ord_1", "LT-1-RED-5Y", Purpose.RESERVATION)).isTrue();
		assertThat(stock("shared", "LT-1-RED-4T")).isEqualTo(3);
		assertThat(stock("shared", "LT-1-RED-5Y")).isEqualTo(5);

		assertThat(this.ledger.withdraw("ord_1", "LT-1-RED-4T", Purpose.RESERVATION)).isTrue();
		assertThat(stock("shared", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(this.ledger.withdraw("ord_1", "LT-1-RED-4T", Purpose.RESERVATION)).isFalse();
		assertThat(stock("shared", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(this.ledger.holdsLapsedBefore(UNTIL.plusSeconds(1))).isEmpty();
	}

	@Test
	void givingBackIgnoresHowManyCallsRelyOnTheHold() {
		this.products.insert(aProduct("given").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION);
		this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION);

		assertThat(this.ledger.giveBack("ord_1", "LT-1-RED-4T", Purpose.RESERVATION)).isTrue();

		assertThat(stock("given", "LT-1-RED-4T")).isEqualTo(5);
		assertThat(this.ledger.withdraw("ord_1", "LT-1-RED-4T", Purpose.RESERVATION)).isFalse();
		assertThat(stock("given", "LT-1-RED-4T")).isEqualTo(5);
	}

	@Test
	void settlingRemovesTheHoldAndLeavesTheStockTaken() {
		this.products.insert(aProduct("sold").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.ledger.takeStock("ord_1", "LT-1-RED-4T", 2, UNTIL, Purpose.RESERVATION);
		this.ledger.takeStock("ord_2", "LT-1-RED-4T", 1, UNTIL, Purpose.RESERVATION);

		assertThat(this.ledger.settle("ord_1", "LT-1-RED-4T")).isTrue();
		assertThat(this.ledger.settle("ord_1", "LT-1-RED-4T")).isFalse();

		assertThat(stock("sold", "LT-1-RED-4T")).isEqualTo(2);
		assertThat(this.ledger.giveBack("ord_1", "LT-1-RED-4T", Purpose.RESERVATION)).isFalse();
		assertThat(this.ledger.holdsLapsedBefore(UNTIL.plusSeconds(1))).extracting(StockHold::orderId)
			.containsExactly("ord_2");
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
