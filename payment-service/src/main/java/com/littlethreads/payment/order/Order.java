package com.littlethreads.payment.order;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order: created awaiting payment before Stripe is ever called, so no payment can
 * exist without one. Changed only through {@link Orders}' guarded updates.
 *
 * @param id {@code ord_} followed by random characters
 * @param status where the order is in its life
 * @param createdAt when it was placed
 * @param userId the shopper's user id, or {@code null} for a guest
 * @param orderTokenHash SHA-256 of a guest's order token (the token itself is never
 * stored), or {@code null}
 * @param email where Stripe sends the receipt
 * @param lines what was ordered, at catalog prices
 * @param total the sum of the line totals
 * @param shippingAddress where it goes
 * @param sessionId the Stripe Checkout Session, once created
 * @param checkoutUrl where the shopper pays
 * @param sessionExpiresAt when the session (and so the chance to pay) ends
 * @param paymentIntentId the Stripe PaymentIntent, once paid
 * @param paidAt when the payment was confirmed
 * @param paymentFailedAt when a delayed payment failed
 * @param expiredAt when the order expired unpaid
 * @param cancelledAt when it was cancelled
 * @param cancelReason why it was cancelled: {@code shopper}, {@code stock-unavailable},
 * {@code payment-start-failed}, {@code inventory-unavailable}
 * @param refundedAt when a refund last succeeded
 * @param amountRefunded how much Stripe reports refunded (succeeded refunds), in minor
 * units
 * @param amountRefundPending how much is being refunded and not yet confirmed (pending
 * refunds), in minor units
 * @param stockCommitted whether the reservation was committed after payment
 * @param needsAttention whether staff must act (typically refund): the shopper paid but
 * the stock could not be committed, or a payment arrived for an order no longer awaiting
 * one
 * @param attentionReason why staff must act
 * @param unmatchedPayments payments that named this order but did not pay for it (see
 * {@link UnmatchedPayment}), at most one per Checkout Session
 * @param refunds each refund of the order's payment, as Stripe last reported it
 * @param refundsRevision counts changes to {@code refunds}; each change is made only on
 * the revision it was computed from
 */
@Document("orders")
public record Order(@Id String id, OrderStatus status, Instant createdAt, @Indexed String userId, String orderTokenHash,
		String email, List<OrderLine> lines, Money total, ShippingAddress shippingAddress, @Indexed String sessionId,
		String checkoutUrl, Instant sessionExpiresAt, @Indexed String paymentIntentId, Instant paidAt,
		Instant paymentFailedAt, Instant expiredAt, Instant cancelledAt, String cancelReason, Instant refundedAt,
		long amountRefunded, long amountRefundPending, boolean stockCommitted, boolean needsAttention,
		String attentionReason, List<UnmatchedPayment> unmatchedPayments, List<OrderRefund> refunds,
		long refundsRevision) {

	/**
	 * A new order awaiting payment.
	 * @param id the order id
	 * @param createdAt now
	 * @param userId the shopper, or {@code null} for a guest
	 * @param orderTokenHash the hash of a guest's token, or {@code null}
	 * @param email the shopper's email
	 * @param lines the priced lines
	 * @param shippingAddress where it goes
	 * @param sessionExpiresAt when the payment session will end
	 * @return the order
	 */
	public static Order placed(String id, Instant createdAt, String userId, String orderTokenHash, String email,
			List<OrderLine> lines, ShippingAddress shippingAddress, Instant sessionExpiresAt) {
		String currency = lines.get(0).lineTotal().currency();
		long total = lines.stream().mapToLong((line) -> line.lineTotal().amount()).reduce(0, Math::addExact);
		return new Order(id, OrderStatus.PENDING_PAYMENT, createdAt, userId, orderTokenHash, email, List.copyOf(lines),
				new Money(total, currency), shippingAddress, null, null, sessionExpiresAt, null, null, null, null, null,
				null, null, 0, 0, false, false, null, List.of(), List.of(), 0);
	}

	public String currency() {
		return this.total.currency();
	}

	/**
	 * Whether a Checkout Session pays exactly for this order: its own session, for its
	 * total in its currency.
	 * @param sessionId the session
	 * @param amountTotal the session's {@code amount_total}
	 * @param currency the session's {@code currency}, any case
	 * @return {@code true} if a payment of that session pays for this order
	 */
	public boolean isPaidInFullBy(String sessionId, Long amountTotal, String currency) {
		return sessionId != null && sessionId.equals(this.sessionId) && amountTotal != null
				&& amountTotal == this.total.amount() && this.total.currency().equalsIgnoreCase(currency);
	}

	/**
	 * The refunds of the order's payment.
	 * @return never {@code null}, also for orders stored before the field existed
	 */
	public List<OrderRefund> refunds() {
		return (this.refunds != null) ? this.refunds : List.of();
	}

	/**
	 * Payments that named this order but did not pay for it.
	 * @return never {@code null}, also for orders stored before the field existed
	 */
	public List<UnmatchedPayment> unmatchedPayments() {
		return (this.unmatchedPayments != null) ? this.unmatchedPayments : List.of();
	}

}
