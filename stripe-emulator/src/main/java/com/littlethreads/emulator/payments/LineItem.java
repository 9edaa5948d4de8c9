package com.littlethreads.emulator.payments;

/**
 * One line of a Checkout Session, priced inline ({@code price_data}).
 *
 * @param name the product name shown on the checkout page
 * @param description an optional description, or {@code null}
 * @param unitAmount the unit price in minor units
 * @param quantity how many
 */
record LineItem(String name, String description, long unitAmount, long quantity) {

	long amount() {
		return Math.multiplyExact(this.unitAmount, this.quantity);
	}

}
