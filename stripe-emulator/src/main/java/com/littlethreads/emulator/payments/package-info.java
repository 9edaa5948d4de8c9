/**
 * The emulated Stripe account: Checkout Sessions, PaymentIntents, charges and refunds
 * held in memory, the {@code /v1} endpoints that read and change them, the hosted
 * checkout page, and the scheduler that expires sessions.
 */
package com.littlethreads.emulator.payments;
