package com.littlethreads.payment.order;

import java.time.Instant;

/**
 * One refund of an order's payment, as Stripe last reported it.
 *
 * @param refundId Stripe's refund id ({@code re_…})
 * @param amount how much
 * @param status where it is
 * @param failureReason why it failed ({@code expired_or_canceled_card},
 * {@code lost_or_stolen_card}, {@code unknown}), or {@code null}
 * @param updatedAt when we learnt of its status
 */
public record OrderRefund(String refundId, Money amount, RefundStatus status, String failureReason, Instant updatedAt) {

}
