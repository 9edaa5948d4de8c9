package com.littlethreads.emulator.payments;

import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A {@code dispute} as Stripe's API returns it, the object of
 * {@code charge.dispute.created}.
 *
 * @param id {@code dp_…}
 * @param object always {@code dispute}
 * @param amount the amount disputed, minor units
 * @param charge the disputed charge's id
 * @param created creation time, Unix seconds
 * @param currency lower-case ISO code
 * @param livemode always {@code false}
 * @param metadata always empty
 * @param paymentIntent the PaymentIntent's id
 * @param reason always {@code fraudulent}, what test card 4000 0000 0000 0259 gives
 * @param status always {@code needs_response}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DisputeJson(String id, String object, long amount, String charge, long created, String currency,
		boolean livemode, Map<String, String> metadata, String paymentIntent, String reason, String status) {

}
