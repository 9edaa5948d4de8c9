package com.littlethreads.emulator.payments;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Formats minor units in their currency, for people.
 */
final class Money {

	private Money() {
	}

	/**
	 * Formats an amount.
	 * @param amount minor units
	 * @param currency ISO code, any case
	 * @param locale how to write it
	 * @return for example {@code £24.00}
	 */
	static String format(long amount, String currency, Locale locale) {
		Currency unit = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
		int digits = Math.max(unit.getDefaultFractionDigits(), 0);
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(unit);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(BigDecimal.valueOf(amount, digits));
	}

}
