package com.littlethreads.emulator.payments;

/**
 * The outcome of paying a session on the hosted page.
 */
sealed interface PaymentResult {

	/**
	 * The session as it now is.
	 * @return the page's snapshot
	 */
	CheckoutPage page();

	/**
	 * Paid: the session is complete.
	 *
	 * @param page the session as it now is
	 */
	record Paid(CheckoutPage page) implements PaymentResult {

	}

	/**
	 * A delayed payment method was accepted: the session is complete, its payment still
	 * processing.
	 *
	 * @param page the session as it now is
	 */
	record Processing(CheckoutPage page) implements PaymentResult {

	}

	/**
	 * The card's bank asks the shopper to authenticate (3D Secure) first; the session
	 * stays open.
	 *
	 * @param page the session as it now is
	 */
	record AuthenticationRequired(CheckoutPage page) implements PaymentResult {

	}

	/**
	 * The card was declined (or its authentication failed); the session stays open.
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
