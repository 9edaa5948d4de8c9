package com.littlethreads.emulator.payments;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A {@code payment_intent} as Stripe's API returns it.
 *
 * @param id {@code pi_…}
 * @param object always {@code payment_intent}
 * @param amount the amount to collect, minor units
 * @param amountCapturable always 0: captures are automatic
 * @param amountReceived what was collected
 * @param canceledAt when it was canceled (its session expired), or {@code null}
 * @param cancellationReason {@code abandoned} when canceled, else {@code null}
 * @param captureMethod always {@code automatic}
 * @param created creation time, Unix seconds
 * @param currency lower-case ISO code
 * @param description from {@code payment_intent_data[description]}, or {@code null}
 * @param lastPaymentError why the last attempt failed, or {@code null}
 * @param latestCharge the charge's id, its object when expanded, or {@code null}
 * @param livemode always {@code false}
 * @param metadata from {@code payment_intent_data[metadata]} or {@code metadata}
 * @param nextAction what the customer must do, {@code null} for nothing, or
 * {@code use_stripe_sdk} for 3D Secure
 * @param paymentMethod the PaymentMethod last used, or {@code null}
 * @param paymentMethodTypes the methods it may be paid with
 * @param status {@code requires_payment_method}, {@code requires_confirmation},
 * {@code requires_action}, {@code processing}, {@code succeeded} or {@code canceled}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PaymentIntentJson(String id, String object, long amount, long amountCapturable, long amountReceived,
		Long canceledAt, String cancellationReason, String captureMethod, long created, String currency,
		String description, PaymentError lastPaymentError, Object latestCharge, boolean livemode,
		Map<String, String> metadata, Map<String, String> nextAction, String paymentMethod,
		List<String> paymentMethodTypes, String status) {

	/**
	 * A declined card.
	 *
	 * @param type always {@code card_error}
	 * @param code for example {@code card_declined}
	 * @param declineCode for example {@code generic_decline}
	 * @param message what the customer is told
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record PaymentError(String type, String code, String declineCode, String message) {

	}

}
