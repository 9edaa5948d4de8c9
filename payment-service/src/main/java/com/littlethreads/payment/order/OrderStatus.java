package com.littlethreads.payment.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life, and the only moves it may make. Every change of status
 * is a guarded update that names the statuses it may start from, so an event arriving
 * late or twice (an {@code expired} after {@code completed}) can never move an order
 * backwards.
 */
public enum OrderStatus {

	/** Stock is held and the shopper has a Stripe Checkout Session to pay in. */
	PENDING_PAYMENT,

	/** Stripe took the money; the stock is committed. */
	PAID,

	/** A delayed payment method failed; the stock is released. */
	PAYMENT_FAILED,

	/** Nobody paid before the session expired; the stock is released. */
	EXPIRED,

	/**
	 * Cancelled before payment: by the shopper, or because checkout could not finish (no
	 * stock, payment provider down); see the order's {@code cancelReason}.
	 */
	CANCELLED,

	/** Refunded in full. */
	REFUNDED,

	/** Part of the payment was refunded. */
	PARTIALLY_REFUNDED;

	/**
	 * The statuses an order may be in for it to move to this one.
	 * @return the allowed previous statuses
	 */
	public Set<OrderStatus> allowedFrom() {
		return switch (this) {
			case PENDING_PAYMENT -> EnumSet.noneOf(OrderStatus.class);
			case PAID, PAYMENT_FAILED, EXPIRED, CANCELLED -> EnumSet.of(PENDING_PAYMENT);
			case PARTIALLY_REFUNDED, REFUNDED -> EnumSet.of(PAID, PARTIALLY_REFUNDED);
		};
	}

	public boolean canBecome(OrderStatus next) {
		return next.allowedFrom().contains(this);
	}

	/**
	 * Whether Stripe has taken money for the order (some may since have been refunded).
	 * @return {@code true} for paid and refunded orders
	 */
	public boolean isPaid() {
		return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
	}

}
