package com.littlethreads.payment.order;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where one refund is, as Stripe reports it, and the only moves it may make. A card
 * refund can be reported succeeded and fail days later (its money then goes back to the
 * shop's balance, not the shopper), so SUCCEEDED is not final; FAILED and CANCELED are.
 * An event reporting an earlier stage after a later one changes nothing.
 */
public enum RefundStatus {

	/** Asked for; the money is on its way to the shopper. */
	PENDING,

	/** Stripe needs the shopper to act (some non-card methods); card refunds never. */
	REQUIRES_ACTION,

	/** Stripe reports the money returned. */
	SUCCEEDED,

	/** The refund did not reach the shopper; the money is back with the shop. */
	FAILED,

	/** Cancelled before it was made. */
	CANCELED;

	/**
	 * The statuses a refund may be in for it to move to this one.
	 * @return the allowed previous statuses
	 */
	public Set<RefundStatus> allowedFrom() {
		return switch (this) {
			case PENDING -> EnumSet.noneOf(RefundStatus.class);
			case REQUIRES_ACTION -> EnumSet.of(PENDING);
			case SUCCEEDED, CANCELED -> EnumSet.of(PENDING, REQUIRES_ACTION);
			case FAILED -> EnumSet.of(PENDING, REQUIRES_ACTION, SUCCEEDED);
		};
	}

	public boolean canBecome(RefundStatus next) {
		return next.allowedFrom().contains(this);
	}

	/**
	 * Whether the refund's amount is, or may still be, given back to the shopper, so that
	 * it cannot be refunded a second time.
	 * @return {@code true} unless it failed or was cancelled
	 */
	public boolean takesMoney() {
		return this != FAILED && this != CANCELED;
	}

	/**
	 * Stripe's {@code status} of a Refund.
	 * @param status {@code pending}, {@code requires_action}, {@code succeeded},
	 * {@code failed} or {@code canceled}
	 * @return the status, empty for one this version does not know
	 */
	public static Optional<RefundStatus> ofStripe(String status) {
		if (status == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(status.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
