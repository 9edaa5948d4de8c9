package com.littlethreads.catalog.inventory;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.littlethreads.catalog.inventory.Reservation.ReservationLine;

import static com.littlethreads.platform.test.Scrapes.delta;
import static com.littlethreads.platform.test.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads at {@code /actuator/prometheus} about stock: the inventory
 * dashboard and the held-stock alert read these series. The context is shared, so each
 * test compares the scrape before and after.
 */
class InventoryMetersTests extends InventoryIntegrationTest {

	@Test
	void reservationsAreCountedByWhatBecameOfThemAndHeldUnitsAreReadFromTheStore() {
		String sku = this.shelf.variant(20);
		String committed = StockFixtures.orderId();
		String released = StockFixtures.orderId();
		String held = StockFixtures.orderId();
		String before = scrape();

		this.reservations.reserve(committed, List.of(new ReservationLine(sku, 1)), inAnHour());
		this.reservations.reserve(released, List.of(new ReservationLine(sku, 2)), inAnHour());
		this.reservations.reserve(held, List.of(new ReservationLine(sku, 4)), inAnHour());
		this.reservations.commit(committed);
		this.reservations.release(released);

		String after = scrape();
		assertThat(delta(before, after, "shop_inventory_reservations_total{outcome=\"held\"}")).isEqualTo(3);
		assertThat(delta(before, after, "shop_inventory_reservations_total{outcome=\"committed\"}")).isEqualTo(1);
		assertThat(delta(before, after, "shop_inventory_reservations_total{outcome=\"released\"}")).isEqualTo(1);
		assertThat(delta(before, after, "shop_inventory_units_held")).isEqualTo(4);
		this.reservations.release(held);
	}

	@Test
	void aHoldTheExpiryJobHasNotReturnedIsOverdueUntilItDoes() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		this.reservations.reserve(order, List.of(new ReservationLine(sku, 1)), inAnHour());
		String before = scrape();

		this.clock.advance(Duration.ofHours(1).plus(InventoryMeters.OVERDUE).plusSeconds(1));

		// Other tests' holds may lapse with it: at least this one is overdue.
		String overdue = scrape();
		assertThat(delta(before, overdue, "shop_inventory_holds_overdue")).isGreaterThanOrEqualTo(1);
		this.reservations.expireLapsed();
		String after = scrape();
		assertThat(value(after, "shop_inventory_holds_overdue")).isZero();
		assertThat(delta(overdue, after, "shop_inventory_reservations_total{outcome=\"expired\"}"))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void productsRunningOutAreCounted() {
		String before = scrape();

		this.shelf.variant(InventoryMeters.LOW_STOCK);
		this.shelf.variant(InventoryMeters.LOW_STOCK + 1);

		assertThat(delta(before, scrape(), "shop_inventory_products_low_stock")).isEqualTo(1);
	}

	private java.time.Instant inAnHour() {
		return this.clock.instant().plus(Duration.ofHours(1));
	}

	private String scrape() {
		return this.http.get("/actuator/prometheus").body();
	}

}
