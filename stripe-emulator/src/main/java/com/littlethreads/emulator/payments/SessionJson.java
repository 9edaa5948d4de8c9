package com.littlethreads.emulator.payments;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A {@code checkout.session} as Stripe's API returns it (the fields payment-service and
 * stripe-java's {@code Session} read). Timestamps are Unix seconds, as in Stripe.
 *
 * @param id {@code cs_test_…}
 * @param object always {@code checkout.session}
 * @param amountSubtotal sum of the lines, minor units
 * @param amountTotal what is due, minor units
 * @param cancelUrl the cancel URL, or {@code null}
 * @param clientReferenceId the caller's reference, or {@code null}
 * @param created creation time
 * @param currency lower-case ISO code
 * @param customer always {@code null}: the emulator has no Customer objects
 * @param customerDetails the payer's details once complete, else {@code null}
 * @param customerEmail the prefilled email, or {@code null}
 * @param expiresAt when an open session expires
 * @param livemode always {@code false}
 * @param locale the page locale, or {@code null}
 * @param metadata the caller's metadata
 * @param mode always {@code payment}
 * @param paymentIntent the PaymentIntent's id, its object when expanded, or {@code null}
 * before any payment attempt
 * @param paymentMethodTypes always {@code [card]}
 * @param paymentStatus {@code unpaid} or {@code paid}
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param successUrl the success URL, or {@code null}
 * @param totalDetails discounts, shipping and tax: all zero
 * @param uiMode always {@code hosted}
 * @param url the hosted page while open, else {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SessionJson(String id, String object, long amountSubtotal, long amountTotal, String cancelUrl,
		String clientReferenceId, long created, String currency, String customer, CustomerDetails customerDetails,
		String customerEmail, long expiresAt, boolean livemode, String locale, Map<String, String> metadata,
		String mode, Object paymentIntent, List<String> paymentMethodTypes, String paymentStatus, String status,
		String successUrl, TotalDetails totalDetails, String uiMode, String url) {

	/**
	 * Who paid.
	 *
	 * @param email the email entered on the checkout page
	 * @param name the cardholder name
	 */
	record CustomerDetails(String email, String name) {

	}

	/**
	 * Amounts added to or taken from the subtotal.
	 *
	 * @param amountDiscount discounts
	 * @param amountShipping shipping
	 * @param amountTax tax
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record TotalDetails(long amountDiscount, long amountShipping, long amountTax) {

	}

}
