package com.littlethreads.catalog.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as the internal API shows it.
 *
 * @param orderId the order
 * @param status {@code HELD}, {@code COMMITTED}, {@code RELEASED} or {@code EXPIRED}
 * @param expiresAt when a held reservation lapses
 * @param lines what it holds
 */
record ReservationView(String orderId, ReservationStatus status, Instant expiresAt, List<Line> lines) {

	static ReservationView of(Reservation reservation) {
		return new ReservationView(reservation.orderId(), reservation.status(), reservation.expiresAt(),
				reservation.lines().stream().map((line) -> new Line(line.sku(), line.quantity())).toList());
	}

	/**
	 * One line.
	 *
	 * @param sku the variant
	 * @param quantity the units
	 */
	record Line(String sku, int quantity) {

	}

}
