package com.littlethreads.emulator.payments;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's test card numbers, their test PaymentMethods ({@code pm_card_…}), and what
 * paying with them does. A valid number that is not a test card is declined, as Stripe
 * declines real cards in test mode.
 */
final class TestCards {

	/**
	 * Cards that pay: Visa, Visa debit, Mastercard, Mastercard debit, American Express.
	 */
	private static final Set<String> SUCCEEDING = Set.of("4242424242424242", "4000056655665556", "5555555555554444",
			"5200828282828210", "378282246310005");

	private static final Map<String, Decline> DECLINING = Map.of("4000000000000002",
			new Decline("card_declined", "generic_decline", "Your card was declined."), "4000000000009995",
			new Decline("card_declined", "insufficient_funds", "Your card has insufficient funds."), "4000000000000069",
			new Decline("expired_card", "expired_card", "Your card has expired."), "4000000000000127",
			new Decline("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."));

	/**
	 * 3D Secure: authentication is required for a one-time payment (3155, what Stripe
	 * calls "authenticate unless set up") or always (3184).
	 */
	private static final Set<String> AUTHENTICATING = Set.of("4000002500003155", "4000002760003184");

	/** Pays; its refunds show succeeded, then fail ({@code expired_or_canceled_card}). */
	static final String REFUND_FAILS = "4000000000005126";

	/** Pays, then the payment is disputed as fraudulent. */
	static final String DISPUTED = "4000000000000259";

	private static final Decline LIVE_CARD = new Decline("card_declined", "test_mode_live_card",
			"Your card was declined. Your request was in test mode, but used a non test card. "
					+ "For a list of valid test cards, visit: https://stripe.com/docs/testing.");

	/** Stripe's test PaymentMethods, for API calls, and the card each stands for. */
	private static final Map<String, String> PAYMENT_METHODS = Map.ofEntries(
			Map.entry("pm_card_visa", "4242424242424242"), Map.entry("pm_card_visa_debit", "4000056655665556"),
			Map.entry("pm_card_mastercard", "5555555555554444"), Map.entry("pm_card_amex", "378282246310005"),
			Map.entry("pm_card_chargeDeclined", "4000000000000002"),
			Map.entry("pm_card_chargeDeclinedInsufficientFunds", "4000000000009995"),
			Map.entry("pm_card_chargeDeclinedExpiredCard", "4000000000000069"),
			Map.entry("pm_card_chargeDeclinedIncorrectCvc", "4000000000000127"),
			Map.entry("pm_card_authenticationRequiredOnSetup", "4000002500003155"),
			Map.entry("pm_card_authenticationRequired", "4000002760003184"),
			Map.entry("pm_card_refundFail", REFUND_FAILS), Map.entry("pm_card_createDispute", DISPUTED));

	private TestCards() {
	}

	/**
	 * What paying with a card does.
	 * @param number the card number, digits only
	 * @return the card's behaviour
	 */
	static Behaviour behaviour(String number) {
		if (SUCCEEDING.contains(number)) {
			return Behaviour.PAYS;
		}
		if (REFUND_FAILS.equals(number)) {
			return Behaviour.PAYS_REFUNDS_FAIL;
		}
		if (DISPUTED.equals(number)) {
			return Behaviour.PAYS_THEN_DISPUTED;
		}
		if (AUTHENTICATING.contains(number)) {
			return Behaviour.AUTHENTICATES;
		}
		return Behaviour.DECLINED;
	}

	/**
	 * Why a card is declined.
	 * @param number the card number, digits only
	 * @return the decline, or empty when the card is not declined
	 */
	static Optional<Decline> decline(String number) {
		if (behaviour(number) != Behaviour.DECLINED) {
			return Optional.empty();
		}
		return Optional.of(DECLINING.getOrDefault(number, LIVE_CARD));
	}

	/**
	 * The card a test PaymentMethod stands for.
	 * @param paymentMethod for example {@code pm_card_visa}
	 * @return the card number, empty for a PaymentMethod the emulator does not know
	 */
	static Optional<String> cardOf(String paymentMethod) {
		return Optional.ofNullable(PAYMENT_METHODS.get(paymentMethod));
	}

	/**
	 * Whether a number passes the Luhn check every card number passes.
	 * @param number digits only
	 * @return {@code true} when valid
	 */
	static boolean luhnValid(String number) {
		int sum = 0;
		boolean doubled = false;
		for (int i = number.length() - 1; i >= 0; i--) {
			int digit = number.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	/**
	 * What paying with a test card does.
	 */
	enum Behaviour {

		/** The payment succeeds. */
		PAYS,

		/** The payment succeeds; refunds of it succeed at first and fail later. */
		PAYS_REFUNDS_FAIL,

		/** The payment succeeds and is then disputed. */
		PAYS_THEN_DISPUTED,

		/** The bank asks the shopper to authenticate (3D Secure) first. */
		AUTHENTICATES,

		/** The payment is declined. */
		DECLINED

	}

	/**
	 * A declined payment as Stripe reports it.
	 *
	 * @param code the error code
	 * @param declineCode the issuer's decline code
	 * @param message what the customer is told
	 */
	record Decline(String code, String declineCode, String message) {

	}

}
