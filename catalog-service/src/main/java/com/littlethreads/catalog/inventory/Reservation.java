package com.littlethreads.catalog.inventory;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reservation as stored, one per order (the order id is the document id, so a second
 * reservation for an order is a duplicate key). Its status only ever changes through
 * updates guarded by the status it is expected to have.
 *
 * @param orderId the order, the id
 * @param lines what is held
 * @param status where it is in its life
 * @param expiresAt when a still-held reservation lapses
 * @param createdAt when it was made
 * @param updatedAt when its status last changed
 */
@Document("reservations")
// The expiry job asks for held reservations past their expiry every 30 s, and every order
// leaves its reservation behind: without this index each run would read them all.
@CompoundIndex(name = "status_expiresAt", def = "{'status': 1, 'expiresAt': 1}")
record Reservation(@Id String orderId, List<ReservationLine> lines, ReservationStatus status, Instant expiresAt,
		Instant createdAt, Instant updatedAt) {

	/**
	 * One held line.
	 *
	 * @param sku the variant
	 * @param quantity the units
	 */
	record ReservationLine(String sku, int quantity) {

	}

}
