package com.littlethreads.catalog.product;

/**
 * An amount of money in minor units (pence, cents) of an ISO 4217 currency. Never a
 * floating-point number.
 *
 * @param amount the amount in minor units
 * @param currency the ISO 4217 code
 */
public record Money(long amount, String currency) {

}
