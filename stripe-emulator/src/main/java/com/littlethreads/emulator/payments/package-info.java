/**
 * The emulated Stripe account: Checkout Sessions, PaymentIntents, charges, refunds and
 * disputes held in memory, the {@code /v1} endpoints that read and change them, the
 * hosted checkout page with Stripe's test cards and a delayed payment method, and the
 * clock-driven changes Stripe makes by itself (expiry, settling, refund failures).
 */
package com.littlethreads.emulator.payments;
