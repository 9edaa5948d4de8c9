package com.littlethreads.payment.order;

import java.time.Instant;

/**
 * Money Stripe took that names an order but cannot pay for it: a Checkout Session that is
 * not the order's own (a Payment Link or another integration on the same account can set
 * any {@code client_reference_id}), or the order's own session paid for another amount or
 * in another currency. It confirms nothing and commits no stock; staff refund it or
 * settle it by hand.
 *
 * @param sessionId the Checkout Session that was paid
 * @param paymentIntentId its PaymentIntent, for a refund
 * @param amount what was paid, in the session's currency
 * @param reason {@code not-the-orders-session} or {@code amount-or-currency-differs}
 * @param receivedAt when we learnt of it
 */
public record UnmatchedPayment(String sessionId, String paymentIntentId, Money amount, String reason,
		Instant receivedAt) {

	/** The session is not the one checkout opened for the order. */
	public static final String NOT_THE_ORDERS_SESSION = "not-the-orders-session";

	/** The order's own session, paid for another amount or in another currency. */
	public static final String AMOUNT_OR_CURRENCY_DIFFERS = "amount-or-currency-differs";

}
