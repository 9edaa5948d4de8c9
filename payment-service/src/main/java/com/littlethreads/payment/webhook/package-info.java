/**
 * Stripe's webhook: verifies each event's signature over the raw body, records each event
 * id once, and applies checkout and refund events to orders.
 */
package com.littlethreads.payment.webhook;
