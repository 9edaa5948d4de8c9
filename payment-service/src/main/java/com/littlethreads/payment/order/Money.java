package com.littlethreads.payment.order;

/**
 * An amount of money in minor units (pence, cents) of an ISO 4217 currency. Never a
 * floating-point number.
 *
 * @param amount the amount in minor units
 * @param currency the ISO 4217 code, upper case
 */
public record Money(long amount, String currency) {

	public Money times(int quantity) {
		return new Money(Math.multiplyExact(this.amount, quantity), this.currency);
	}

}
