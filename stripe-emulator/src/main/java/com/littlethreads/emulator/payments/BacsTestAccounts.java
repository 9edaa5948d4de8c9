package com.littlethreads.emulator.payments;

import java.util.Optional;

/**
 * Bacs Direct Debit test bank accounts, the emulator's delayed payment method: the
 * payment is taken as {@code processing}, the Checkout Session completes {@code unpaid},
 * and only {@code emulator.delayed-payment-delay} later does it settle
 * ({@code checkout.session.async_payment_succeeded}) or fail
 * ({@code checkout.session.async_payment_failed}). Sort code 10-88-00 with account
 * 00012345 settles, with 22222227 fails for insufficient funds, after Stripe's own test
 * accounts of those numbers.
 */
final class BacsTestAccounts {

	static final String SORT_CODE = "108800";

	static final String SETTLES = "00012345";

	static final String FAILS = "22222227";

	private BacsTestAccounts() {
	}

	/**
	 * What a test account does.
	 * @param sortCode six digits
	 * @param accountNumber eight digits
	 * @return whether its payment settles, empty for an account that is not a test one
	 */
	static Optional<Boolean> settles(String sortCode, String accountNumber) {
		if (!SORT_CODE.equals(sortCode)) {
			return Optional.empty();
		}
		return switch (accountNumber) {
			case SETTLES -> Optional.of(true);
			case FAILS -> Optional.of(false);
			default -> Optional.empty();
		};
	}

}
