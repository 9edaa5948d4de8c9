package com.littlethreads.catalog.inventory;

import java.time.Instant;

/**
 * Units of one variant held for an order, recorded on the product document itself (in a
 * field only inventory reads or writes) in the same atomic update that took them from the
 * variant's stock. Whatever happens to the process afterwards, the store says who has the
 * stock, so it can be given back (or settled as sold) exactly once. Never shown through
 * the product API.
 *
 * @param orderId the order holding the units
 * @param sku the variant
 * @param quantity the units taken
 * @param at when they were taken
 * @param until when the hold lapses if nothing else ends it: its reservation's expiry, or
 * for a late commit the moment it was taken (the commit ends it at once). Holds written
 * before this field existed have none and lapse when taken.
 * @param purpose why they were taken
 */
record StockHold(String orderId, String sku, int quantity, Instant at, Instant until, Purpose purpose) {

	/**
	 * The hold's identity on its product: one hold per order and variant.
	 * @return {@code <orderId>/<sku>}
	 */
	String key() {
		return key(this.orderId, this.sku);
	}

	static String key(String orderId, String sku) {
		return orderId + "/" + sku;
	}

	/**
	 * Why stock was taken. The two are told apart so that a late give-back of a lapsed
	 * reservation's hold can never return the units a later commit took again.
	 */
	enum Purpose {

		/**
		 * Held by a reservation.
		 */
		RESERVATION,

		/**
		 * Taken again by a commit after the reservation had lapsed.
		 */
		LATE_COMMIT

	}

	/**
	 * The outcomes of taking stock with a hold.
	 */
	enum Outcome {

		/**
		 * The units were taken and the hold recorded.
		 */
		TAKEN,

		/**
		 * The same hold (order, variant, quantity and purpose) was already there, for
		 * example from an attempt that crashed before it recorded its reservation:
		 * nothing more was taken.
		 */
		ALREADY_HELD,

		/**
		 * The order already holds this variant, in another quantity or for another
		 * purpose: nothing was taken.
		 */
		HELD_OTHERWISE,

		/**
		 * There is no such variant, or it has too few units: nothing was taken.
		 */
		SHORT

	}

}
