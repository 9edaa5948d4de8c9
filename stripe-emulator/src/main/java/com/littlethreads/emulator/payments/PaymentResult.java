package com.littlethreads.emulator.payments;

/**
 * The outcome of paying a session on the hosted page.
 */
sealed interface PaymentResult {

	/**
	 * Paid: the session is complete.
	 *
	 * @param page the session as it now is
	 */
	record Paid(CheckoutPage page) implements PaymentResult {

	}

	/**
	 * The card was declined; the session stays open.
	 *
	 * @param page the session as it now is
	 * @param message what the customer is told
	 */
	record Declined(CheckoutPage page, String message) implements PaymentResult {

	}

	/**
	 * The session is complete or expired and takes no payment.
	 *
	 * @param page the session as it now is
	 */
	record NotOpen(CheckoutPage page) implements PaymentResult {

	}

}
