/**
 * {@code POST /api/checkout}: validates the cart, prices it from the catalog, places the
 * order, holds the stock and opens a Stripe Checkout Session, exactly once per
 * {@code Idempotency-Key}.
 */
package com.littlethreads.payment.checkout;
