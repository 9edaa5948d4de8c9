package com.littlethreads.emulator.payments;

import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A {@code refund} as Stripe's API returns it.
 *
 * @param id {@code re_…}
 * @param object always {@code refund}
 * @param amount the amount refunded, minor units
 * @param charge the refunded charge's id
 * @param created creation time, Unix seconds
 * @param currency lower-case ISO code
 * @param failureReason why it failed ({@code expired_or_canceled_card}), or {@code null}
 * @param metadata the caller's metadata
 * @param paymentIntent the PaymentIntent's id
 * @param reason why, if given: {@code duplicate}, {@code fraudulent} or
 * {@code requested_by_customer}; otherwise {@code null}
 * @param status {@code succeeded} for card refunds, which settle at once, or
 * {@code failed} later for a card whose refunds fail
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RefundJson(String id, String object, long amount, String charge, long created, String currency,
		String failureReason, Map<String, String> metadata, String paymentIntent, String reason, String status) {

}
