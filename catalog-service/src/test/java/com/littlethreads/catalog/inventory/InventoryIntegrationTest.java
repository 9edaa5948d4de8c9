package com.littlethreads.catalog.inventory;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.catalog.product.ProductRepository;
import com.littlethreads.platform.test.MutableClock;
import com.littlethreads.platform.test.ServiceHttpTest;

/**
 * The whole catalog-service on the embedded store, with a clock the tests move by hand
 * and the inventory jobs run only when a test calls them (so that they never race a test
 * by surprise). Nor does the read model follow the change feed: this one instance reads
 * each change it makes at once, and a test that writes to the store behind its back (as
 * another instance would) must not see the follower pick that up at a moment of its
 * choosing. Every test class of the inventory shares this one context; each test works on
 * products of its own ({@link StockFixtures}).
 */
@CatalogServiceTest
@Import(InventoryIntegrationTest.MovableClock.class)
@TestPropertySource(
		properties = { "catalog.reservations.expiry-check-interval=1h", "catalog.reservations.repair-interval=1h",
				"littlethreads.scheduling.lock-at-most-for=2h", "catalog.read-model.poll-interval=1h" })
abstract class InventoryIntegrationTest extends ServiceHttpTest {

	static final String RESERVATIONS = "/internal/inventory/reservations";

	@Autowired
	ProductRepository products;

	@Autowired
	StockReservations reservations;

	@Autowired
	StockLedger ledger;

	@Autowired
	MutableClock clock;

	StockFixtures shelf;

	@BeforeEach
	void useProductsOfThisTest() {
		this.shelf = new StockFixtures(this.products);
	}

	/**
	 * Puts a clock the tests move by hand in place of the service's, so holds lapse
	 * without waiting.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now());
		}

	}

}
