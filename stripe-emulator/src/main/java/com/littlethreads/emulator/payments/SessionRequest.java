package com.littlethreads.emulator.payments;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApiException;
import com.littlethreads.emulator.api.StripeError;

/**
 * The parameters of {@code POST /v1/checkout/sessions}, validated the way Stripe
 * validates them.
 *
 * @param currency lower-case ISO 4217 code shared by every line
 * @param lineItems the lines, at least one
 * @param successUrl where the customer goes after paying, or {@code null}
 * @param cancelUrl where the customer goes when going back, or {@code null}
 * @param clientReferenceId the caller's reference, or {@code null}
 * @param customerEmail the prefilled email, or {@code null}
 * @param metadata the session's metadata
 * @param paymentIntentMetadata metadata given to the PaymentIntent
 * ({@code payment_intent_data[metadata]})
 * @param paymentIntentDescription description of the PaymentIntent, or {@code null}
 * @param expiresAt when the session expires
 * @param locale the page's locale ({@code auto} or a tag such as {@code en-GB}), or
 * {@code null} for none
 * @param paymentMethodTypes the methods asked for, or {@code null} for the account's (as
 * at Stripe: whatever the account enables, here card and, for gbp, Bacs Direct Debit)
 * @param expand what the response expands
 */
record SessionRequest(String currency, List<LineItem> lineItems, String successUrl, String cancelUrl,
		String clientReferenceId, String customerEmail, Map<String, String> metadata,
		Map<String, String> paymentIntentMetadata, String paymentIntentDescription, Instant expiresAt, String locale,
		List<String> paymentMethodTypes, Set<String> expand) {

	static final Duration MIN_LIFETIME = Duration.ofMinutes(30);

	static final Duration MAX_LIFETIME = Duration.ofHours(24);

	/** Stripe's largest amount: eight digits. */
	static final long MAX_AMOUNT = 99_999_999L;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	/**
	 * Card settles at once; Bacs Direct Debit days later, the emulator's delayed method.
	 */
	static final List<String> SUPPORTED_METHODS = List.of("card", "bacs_debit");

	/**
	 * Parameters the emulator accepts without acting on them: they change how Stripe's
	 * own page looks, not what the API returns.
	 */
	private static final Set<String> ACCEPTED = Set.of("mode", "line_items", "success_url", "cancel_url",
			"client_reference_id", "customer_email", "metadata", "payment_intent_data", "expires_at", "locale",
			"payment_method_types", "expand", "billing_address_collection", "customer_creation", "submit_type",
			"currency");

	static SessionRequest parse(FormParams params, Instant now) {
		params.rejectUnknown(ACCEPTED);
		String mode = params.requiredString("mode");
		if (!Set.of("payment", "setup", "subscription").contains(mode)) {
			throw StripeApiException.badRequest("Invalid mode: must be one of payment, setup, or subscription",
					params.param("mode"));
		}
		if (!"payment".equals(mode)) {
			throw StripeApiException.badRequest(
					"The Stripe emulator supports mode=payment only, not mode=" + mode + ".", params.param("mode"));
		}
		List<String> paymentMethodTypes = null;
		if (params.has("payment_method_types")) {
			paymentMethodTypes = List.copyOf(params.strings("payment_method_types"));
			for (String type : paymentMethodTypes) {
				if (!SUPPORTED_METHODS.contains(type)) {
					throw StripeApiException.badRequest("The Stripe emulator supports the payment method types "
							+ SUPPORTED_METHODS + ", not " + type + ".", "payment_method_types");
				}
			}
		}
		List<FormParams> lines = params.hashes("line_items");
		if (lines.isEmpty()) {
			throw StripeApiException.invalidParameter("parameter_missing", "Missing required param: line_items.",
					"line_items");
		}
		String currency = null;
		List<LineItem> lineItems = new ArrayList<>();
		long total = 0;
		for (FormParams line : lines) {
			line.rejectUnknown(Set.of("price_data", "quantity", "price"));
			if (line.has("price")) {
				String price = line.requiredString("price");
				throw new StripeApiException(400, StripeError.noSuch("price", price, line.param("price")));
			}
			FormParams priceData = line.hash("price_data").orElseThrow(() -> line.missing("price_data"));
			priceData.rejectUnknown(Set.of("currency", "unit_amount", "product_data", "tax_behavior"));
			String lineCurrency = currency(priceData);
			if (currency != null && !currency.equals(lineCurrency)) {
				throw StripeApiException.badRequest(
						"All line items must be in the same currency: " + priceData.param("currency") + " is "
								+ lineCurrency + " but earlier lines are " + currency + ".",
						priceData.param("currency"));
			}
			currency = lineCurrency;
			long unitAmount = priceData.integer("unit_amount", 0).orElseThrow(() -> priceData.missing("unit_amount"));
			if (unitAmount > MAX_AMOUNT) {
				throw StripeApiException.badRequest("This value must be less than or equal to " + MAX_AMOUNT + ".",
						priceData.param("unit_amount"));
			}
			FormParams product = priceData.hash("product_data").orElseThrow(() -> priceData.missing("product_data"));
			product.rejectUnknown(Set.of("name", "description", "images", "metadata"));
			product.strings("images");
			product.metadata("metadata");
			long quantity = line.integer("quantity", 1).orElseThrow(() -> line.missing("quantity"));
			if (quantity > 999_999) {
				throw StripeApiException.badRequest("This value must be less than or equal to 999999.",
						line.param("quantity"));
			}
			LineItem item = new LineItem(product.requiredString("name"), product.string("description").orElse(null),
					unitAmount, quantity);
			total += item.amount();
			if (total > MAX_AMOUNT) {
				throw StripeApiException.badRequest("The Checkout Session's total amount must be no more than "
						+ MAX_AMOUNT + " in the smallest currency unit.", "line_items");
			}
			lineItems.add(item);
		}
		String sessionCurrency = params.string("currency")
			.map((code) -> code.toLowerCase(Locale.ROOT))
			.orElse(currency);
		if (!sessionCurrency.equals(currency)) {
			throw StripeApiException.badRequest("The session's currency " + sessionCurrency
					+ " must be the currency of its line items, " + currency + ".", params.param("currency"));
		}
		if (paymentMethodTypes != null && paymentMethodTypes.contains("bacs_debit") && !"gbp".equals(currency)) {
			throw StripeApiException.badRequest(
					"The payment method type bacs_debit is invalid for currency " + currency + ": it takes gbp only.",
					"payment_method_types");
		}
		String customerEmail = params.string("customer_email").orElse(null);
		if (customerEmail != null && !EMAIL.matcher(customerEmail).matches()) {
			throw StripeApiException.invalidParameter("email_invalid", "Invalid email address: " + customerEmail,
					"customer_email");
		}
		String clientReferenceId = params.string("client_reference_id").orElse(null);
		if (clientReferenceId != null && clientReferenceId.length() > 200) {
			throw StripeApiException.badRequest("client_reference_id must be at most 200 characters long.",
					"client_reference_id");
		}
		Instant created = now.truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = params.integer("expires_at").map(Instant::ofEpochSecond).orElse(created.plus(MAX_LIFETIME));
		if (expiresAt.isBefore(created.plus(MIN_LIFETIME))) {
			throw StripeApiException.badRequest(
					"The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
					"expires_at");
		}
		if (expiresAt.isAfter(created.plus(MAX_LIFETIME))) {
			throw StripeApiException.badRequest(
					"The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
					"expires_at");
		}
		String locale = params.string("locale").orElse(null);
		if (locale != null && !"auto".equals(locale) && Locale.forLanguageTag(locale).getLanguage().isEmpty()) {
			throw StripeApiException.badRequest("Invalid locale: " + locale, "locale");
		}
		Map<String, String> paymentIntentMetadata = Map.of();
		String paymentIntentDescription = null;
		if (params.has("payment_intent_data")) {
			FormParams paymentIntentData = params.hash("payment_intent_data").orElseThrow();
			paymentIntentData.rejectUnknown(Set.of("metadata", "description"));
			paymentIntentMetadata = paymentIntentData.metadata("metadata");
			paymentIntentDescription = paymentIntentData.string("description").orElse(null);
		}
		params.string("billing_address_collection");
		params.string("customer_creation");
		params.string("submit_type");
		return new SessionRequest(currency, List.copyOf(lineItems), url(params, "success_url"),
				url(params, "cancel_url"), clientReferenceId, customerEmail, params.metadata("metadata"),
				paymentIntentMetadata, paymentIntentDescription, expiresAt, locale, paymentMethodTypes,
				params.expand(Set.of("payment_intent")));
	}

	private static String currency(FormParams priceData) {
		String currency = priceData.requiredString("currency");
		try {
			if (currency.length() == 3) {
				return Currency.getInstance(currency.toUpperCase(Locale.ROOT))
					.getCurrencyCode()
					.toLowerCase(Locale.ROOT);
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to Stripe's error
		}
		throw StripeApiException.badRequest("Invalid currency: " + currency, priceData.param("currency"));
	}

	private static String url(FormParams params, String name) {
		String url = params.string(name).orElse(null);
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url.replace("{CHECKOUT_SESSION_ID}", "x"));
			if (url.length() <= 5000 && uri.getHost() != null
					&& ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// falls through to Stripe's error
		}
		throw StripeApiException.invalidParameter("url_invalid", "Not a valid URL", name);
	}

}
