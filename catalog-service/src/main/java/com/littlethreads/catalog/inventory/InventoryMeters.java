package com.littlethreads.catalog.inventory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.littlethreads.catalog.product.Product;

/**
 * Is stock being held and not sold? Reservations by what became of them, holds repaired,
 * and, read from the store at each scrape (the truth whichever instance wrote it), the
 * units held now, the holds past their expiry that the expiry job has not returned, and
 * the products running out.
 */
@Component
class InventoryMeters {

	/**
	 * How long past its expiry a held reservation counts as overdue: the expiry job runs
	 * every 30 s, so this is many missed runs, never one slow one.
	 */
	static final Duration OVERDUE = Duration.ofMinutes(5);

	/** A variant with this many units or fewer is low on stock. */
	static final int LOW_STOCK = 3;

	private final MeterRegistry registry;

	private final Counter repaired;

	InventoryMeters(MeterRegistry registry, MongoTemplate mongo, Clock clock) {
		this.registry = registry;
		this.repaired = Counter.builder("shop.inventory.hold.repairs")
			.description("Holds a crashed call left on a product, settled by the repair job")
			.register(registry);
		for (ReservationStatus status : ReservationStatus.values()) {
			reservations(status);
		}
		Gauge.builder("shop.inventory.units.held", mongo, InventoryMeters::unitsHeld)
			.description("Units in reservations still held for an order awaiting payment")
			.register(registry);
		Gauge
			.builder("shop.inventory.holds.overdue", mongo,
					(template) -> template.count(Query.query(Criteria.where("status")
						.is(ReservationStatus.HELD)
						.and("expiresAt")
						.lt(clock.instant().minus(OVERDUE))), Reservation.class))
			.description(
					"Held reservations more than 5 minutes past their expiry: stock the expiry job has not returned")
			.register(registry);
		Gauge
			.builder("shop.inventory.products.low.stock", mongo,
					(template) -> template.count(
							Query.query(Criteria.where("variants").elemMatch(Criteria.where("stock").lte(LOW_STOCK))),
							Product.class))
			.description("Products with a variant at 3 units or fewer")
			.register(registry);
	}

	private static double unitsHeld(MongoTemplate mongo) {
		List<Reservation> held = mongo.find(Query.query(Criteria.where("status").is(ReservationStatus.HELD)),
				Reservation.class);
		return held.stream()
			.flatMap((reservation) -> reservation.lines().stream())
			.mapToLong((line) -> line.quantity())
			.sum();
	}

	/**
	 * A reservation was made (HELD) or moved on (COMMITTED, RELEASED, EXPIRED).
	 * @param status its status now
	 */
	void reservation(ReservationStatus status) {
		reservations(status).increment();
	}

	void repaired(int holds) {
		this.repaired.increment(holds);
	}

	private Counter reservations(ReservationStatus status) {
		return Counter.builder("shop.inventory.reservations")
			.description("Reservations made (held) and what became of them (committed, released, expired)")
			.tag("outcome", status.name().toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

}
