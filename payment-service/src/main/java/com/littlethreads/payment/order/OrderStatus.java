package com.littlethreads.payment.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life, and the only moves it may make. Every change of status
 * is a guarded update that names the statuses it may start from, so an event arriving
 * late or twice (an {@code expired} after {@code completed}) can never move an order
 * backwards.
 * <p>
 * Among the paid statuses, PAID, PARTIALLY_REFUNDED and REFUNDED say how much of the
 * payment Stripe reports refunded ({@link #afterRefunds}), counting succeeded refunds
 * only. Each refund moves forward by its own {@link RefundStatus}; when one fails after
 * it succeeded (Stripe reports some card refunds succeeded and fails them days later),
 * its money is the shop's again and the order goes back to PARTIALLY_REFUNDED or PAID:
 * the one move against the arrows, made by a refund's own forward move, once.
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

	/** Stripe reports the whole payment refunded. */
	REFUNDED,

	/** Stripe reports part of the payment refunded. */
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

	/**
	 * The status of a paid order of which Stripe reports {@code refunded} refunded.
	 * @param refunded the sum of the succeeded refunds, in minor units
	 * @param total the order's total
	 * @return PAID, PARTIALLY_REFUNDED or REFUNDED
	 */
	public static OrderStatus afterRefunds(long refunded, long total) {
		if (refunded <= 0) {
			return PAID;
		}
		return (refunded >= total) ? REFUNDED : PARTIALLY_REFUNDED;
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
