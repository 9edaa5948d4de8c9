package com.littlethreads.emulator.payments;

import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A {@code charge} as Stripe's API returns it, the object of {@code charge.refunded}.
 *
 * @param id {@code ch_…}
 * @param object always {@code charge}
 * @param amount the amount charged, minor units
 * @param amountCaptured equal to {@code amount}: captures are automatic
 * @param amountRefunded how much is refunded or being refunded; a refund that fails takes
 * its amount off again
 * @param billingDetails the payer's email and name
 * @param captured always {@code true}
 * @param created creation time, Unix seconds
 * @param currency lower-case ISO code
 * @param disputed whether the payment has been disputed
 * @param livemode always {@code false}
 * @param metadata the PaymentIntent's metadata
 * @param paid always {@code true}
 * @param paymentIntent the PaymentIntent's id
 * @param refunded whether the whole amount has been refunded (pending refunds included)
 * @param status always {@code succeeded}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChargeJson(String id, String object, long amount, long amountCaptured, long amountRefunded,
		BillingDetails billingDetails, boolean captured, long created, String currency, boolean disputed,
		boolean livemode, Map<String, String> metadata, boolean paid, String paymentIntent, boolean refunded,
		String status) {

	/**
	 * Who paid.
	 *
	 * @param email the email entered on the checkout page
	 * @param name the cardholder name
	 */
	record BillingDetails(String email, String name) {

	}

}
