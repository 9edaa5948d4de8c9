package com.littlethreads.payment.admin;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The refunds staff asked Stripe for on one order, counted the moment they are asked
 * rather than when Stripe's {@code charge.refunded} event arrives: until then the order
 * still reads PAID, and a second refund in that window was sent to Stripe, which refused
 * it (502). One document per order, changed only by single-document guarded updates, so
 * two refunds at once cannot both set aside the same money.
 *
 * @param id the order id
 * @param requested the sum of the refunds asked for and not refused
 * @param requests each refund asked for, by Idempotency-Key
 */
@Document("refund_ledgers")
record RefundLedger(@Id String id, long requested, List<Request> requests) {

	/**
	 * One refund asked for.
	 *
	 * @param keyHash SHA-256 of the Idempotency-Key (the key is not stored)
	 * @param bodyHash SHA-256 of what was asked (the lines, or everything left)
	 * @param amount the amount set aside for it, in minor units
	 * @param requestedAt when it was first asked
	 * @param refundId Stripe's refund, once Stripe accepted it
	 */
	record Request(String keyHash, String bodyHash, long amount, Instant requestedAt, String refundId) {

	}

}
