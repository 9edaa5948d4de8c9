package com.littlethreads.payment.admin;

import java.time.Instant;
import java.util.List;

import com.littlethreads.payment.order.Money;
import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderLine;
import com.littlethreads.payment.order.OrderRefund;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.payment.order.ShippingAddress;
import com.littlethreads.payment.order.UnmatchedPayment;

/**
 * An order as staff see it: the shopper's view plus what staff act on.
 *
 * @param id the order id
 * @param status its status
 * @param createdAt when it was placed
 * @param email the shopper's email
 * @param lines what was ordered
 * @param total what it costs
 * @param shippingAddress where it goes
 * @param paidAt when it was paid
 * @param userId the shopper's user id, or {@code null} for a guest
 * @param amountRefunded how much Stripe reports refunded (succeeded refunds)
 * @param amountRefundPending how much is being refunded, not yet confirmed
 * @param cancelReason why it was cancelled, if it was
 * @param needsAttention whether staff must act (typically refund)
 * @param attentionReason why
 * @param unmatchedPayments payments that named the order but did not pay for it
 * @param refunds each refund and where it stands
 */
record AdminOrderView(String id, OrderStatus status, Instant createdAt, String email, List<OrderLine> lines,
		Money total, ShippingAddress shippingAddress, Instant paidAt, String userId, Money amountRefunded,
		Money amountRefundPending, String cancelReason, boolean needsAttention, String attentionReason,
		List<UnmatchedPayment> unmatchedPayments, List<OrderRefund> refunds) {

	static AdminOrderView of(Order order) {
		return new AdminOrderView(order.id(), order.status(), order.createdAt(), order.email(), order.lines(),
				order.total(), order.shippingAddress(), order.paidAt(), order.userId(),
				new Money(order.amountRefunded(), order.currency()),
				new Money(order.amountRefundPending(), order.currency()), order.cancelReason(), order.needsAttention(),
				order.attentionReason(), order.unmatchedPayments(), order.refunds());
	}

}
