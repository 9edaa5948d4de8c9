/**
 * payment-service: owns the {@code payments} database and serves {@code /api/checkout},
 * {@code /api/orders} and the Stripe webhook.
 */
package com.littlethreads.payment;
