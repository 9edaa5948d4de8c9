package com.littlethreads.emulator.payments;

import java.util.Set;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApiException;

/**
 * The parameters of {@code GET /v1/refunds}.
 *
 * @param paymentIntent only refunds of this PaymentIntent, or {@code null}
 * @param charge only refunds of this charge, or {@code null}
 * @param limit 1 to 100, default 10
 * @param startingAfter list those older than this refund, or {@code null}
 * @param endingBefore list those newer than this refund, or {@code null}
 */
record RefundListRequest(String paymentIntent, String charge, int limit, String startingAfter, String endingBefore) {

	static RefundListRequest parse(FormParams params) {
		params.rejectUnknown(
				Set.of("payment_intent", "charge", "limit", "starting_after", "ending_before", "created", "expand"));
		params.expand(Set.of());
		long limit = params.integer("limit", 1).orElse(10L);
		if (limit > 100) {
			throw StripeApiException.badRequest("This value must be less than or equal to 100.", "limit");
		}
		String startingAfter = params.string("starting_after").orElse(null);
		String endingBefore = params.string("ending_before").orElse(null);
		if (startingAfter != null && endingBefore != null) {
			throw StripeApiException.invalidParameter("parameters_exclusive",
					"The parameters starting_after and ending_before cannot be used together.", "ending_before");
		}
		if (params.has("created")) {
			throw StripeApiException.badRequest("The Stripe emulator does not filter refunds by created.", "created");
		}
		return new RefundListRequest(params.string("payment_intent").orElse(null), params.string("charge").orElse(null),
				(int) limit, startingAfter, endingBefore);
	}

}
