package com.littlethreads.emulator.payments;

import java.util.Map;
import java.util.Set;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApiException;

/**
 * The parameters of {@code POST /v1/refunds}.
 *
 * @param paymentIntent the PaymentIntent to refund, or {@code null}
 * @param charge the charge to refund, or {@code null}
 * @param amount how much, or {@code null} for everything not yet refunded
 * @param reason the reason, or {@code null}
 * @param metadata the refund's metadata
 */
record RefundRequest(String paymentIntent, String charge, Long amount, String reason, Map<String, String> metadata) {

	static RefundRequest parse(FormParams params) {
		params.rejectUnknown(Set.of("payment_intent", "charge", "amount", "reason", "metadata", "expand"));
		params.expand(Set.of());
		String paymentIntent = params.string("payment_intent").orElse(null);
		String charge = params.string("charge").orElse(null);
		if (paymentIntent == null && charge == null) {
			throw StripeApiException.invalidParameter("parameter_missing",
					"One of the following params should be provided for this request: payment_intent or charge.", null);
		}
		Long amount = params.integer("amount").orElse(null);
		if (amount != null && amount < 1) {
			throw StripeApiException.badRequest("Invalid positive integer", "amount");
		}
		String reason = params.string("reason").orElse(null);
		if (reason != null && !Set.of("duplicate", "fraudulent", "requested_by_customer").contains(reason)) {
			throw StripeApiException
				.badRequest("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason");
		}
		return new RefundRequest(paymentIntent, charge, amount, reason, params.metadata("metadata"));
	}

}
