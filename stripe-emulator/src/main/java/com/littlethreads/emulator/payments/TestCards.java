package com.littlethreads.emulator.payments;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's test card numbers and what paying with them does. A valid number that is not a
 * test card is declined, as Stripe declines real cards in test mode.
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

	private static final Decline LIVE_CARD = new Decline("card_declined", "test_mode_live_card",
			"Your card was declined. Your request was in test mode, but used a non test card. "
					+ "For a list of valid test cards, visit: https://stripe.com/docs/testing.");

	private TestCards() {
	}

	/**
	 * Why a card is declined.
	 * @param number the card number, digits only
	 * @return the decline, or empty when the card pays
	 */
	static Optional<Decline> decline(String number) {
		if (SUCCEEDING.contains(number)) {
			return Optional.empty();
		}
		return Optional.of(DECLINING.getOrDefault(number, LIVE_CARD));
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
	 * A declined payment as Stripe reports it.
	 *
	 * @param code the error code
	 * @param declineCode the issuer's decline code
	 * @param message what the customer is told
	 */
	record Decline(String code, String declineCode, String message) {

	}

}
