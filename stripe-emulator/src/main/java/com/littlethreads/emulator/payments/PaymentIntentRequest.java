package com.littlethreads.emulator.payments;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApiException;

/**
 * The parameters of {@code POST /v1/payment_intents}, the subset a server confirming a
 * test PaymentMethod sends: how the contract tests take a card payment on both the
 * emulator and a real Stripe test account, where a Checkout page needs a browser.
 *
 * @param amount minor units
 * @param currency lower-case ISO code
 * @param paymentMethod a test PaymentMethod ({@code pm_card_visa} ...), or {@code null}
 * @param confirm whether to confirm it now
 * @param paymentMethodTypes the methods asked for, or {@code null} for automatic ones
 * @param allowRedirects the {@code automatic_payment_methods[allow_redirects]} parameter,
 * {@code null} when not sent
 * @param returnUrl where a redirecting method returns to, or {@code null}
 * @param metadata the metadata
 * @param description the description, or {@code null}
 * @param expandLatestCharge whether {@code latest_charge} is expanded
 */
record PaymentIntentRequest(long amount, String currency, String paymentMethod, boolean confirm,
		List<String> paymentMethodTypes, String allowRedirects, String returnUrl, Map<String, String> metadata,
		String description, boolean expandLatestCharge) {

	static PaymentIntentRequest parse(FormParams params) {
		params.rejectUnknown(Set.of("amount", "currency", "payment_method", "confirm", "payment_method_types",
				"automatic_payment_methods", "return_url", "metadata", "description", "expand"));
		long amount = params.integer("amount", 1).orElseThrow(() -> params.missing("amount"));
		if (amount > SessionRequest.MAX_AMOUNT) {
			throw StripeApiException
				.badRequest("This value must be less than or equal to " + SessionRequest.MAX_AMOUNT + ".", "amount");
		}
		String currency = params.requiredString("currency").toLowerCase(Locale.ROOT);
		try {
			Currency.getInstance(currency.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw StripeApiException.badRequest("Invalid currency: " + currency, "currency");
		}
		boolean confirm = params.string("confirm").map((value) -> switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw StripeApiException.badRequest("Invalid boolean: " + value, "confirm");
		}).orElse(false);
		List<String> types = params.has("payment_method_types") ? List.copyOf(params.strings("payment_method_types"))
				: null;
		if (types != null && !List.of("card").equals(types)) {
			throw StripeApiException.badRequest(
					"The Stripe emulator takes PaymentIntents for payment_method_types [card] only.",
					"payment_method_types");
		}
		String allowRedirects = null;
		if (params.has("automatic_payment_methods")) {
			FormParams automatic = params.hash("automatic_payment_methods").orElseThrow();
			automatic.rejectUnknown(Set.of("enabled", "allow_redirects"));
			automatic.requiredString("enabled");
			allowRedirects = automatic.string("allow_redirects").orElse(null);
		}
		return new PaymentIntentRequest(amount, currency, params.string("payment_method").orElse(null), confirm, types,
				allowRedirects, params.string("return_url").orElse(null), params.metadata("metadata"),
				params.string("description").orElse(null),
				params.expand(Set.of("latest_charge")).contains("latest_charge"));
	}

	/**
	 * Whether a method that redirects the customer could be offered, so that Stripe asks
	 * for a {@code return_url} before confirming.
	 * @return {@code true} for automatic payment methods that may redirect
	 */
	boolean mayRedirect() {
		return this.paymentMethodTypes == null && !"never".equals(this.allowRedirects);
	}

}
