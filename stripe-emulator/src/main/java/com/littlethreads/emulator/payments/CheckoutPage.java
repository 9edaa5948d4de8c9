package com.littlethreads.emulator.payments;

import java.time.Instant;
import java.util.List;

/**
 * What the hosted checkout page shows of a session, a snapshot.
 *
 * @param id the session's id
 * @param status {@code open}, {@code complete} or {@code expired}; {@code expired} also
 * for a session past its {@code expires_at} that the clock has not expired yet, which
 * takes no payment either
 * @param currency lower-case ISO code
 * @param lineItems the lines
 * @param amountTotal the total due, minor units
 * @param email the prefilled or entered email, or {@code null}
 * @param successUrl the success URL with the session id filled in, or {@code null}
 * @param cancelUrl the cancel URL, or {@code null}
 * @param locale the session's locale, or {@code null}
 * @param expiresAt when it expires
 * @param paymentMethodTypes the methods it may be paid with ({@code card},
 * {@code bacs_debit})
 * @param paymentProcessing whether a delayed payment was accepted and is still processing
 */
record CheckoutPage(String id, String status, String currency, List<LineItem> lineItems, long amountTotal, String email,
		String successUrl, String cancelUrl, String locale, Instant expiresAt, List<String> paymentMethodTypes,
		boolean paymentProcessing) {

	boolean offersBacsDebit() {
		return this.paymentMethodTypes.contains("bacs_debit");
	}

}
