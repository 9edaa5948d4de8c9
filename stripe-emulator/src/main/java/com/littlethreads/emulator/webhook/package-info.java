/**
 * Stripe events and their delivery to the configured webhook endpoint: signed like
 * Stripe, asynchronous, retried with exponential backoff.
 */
package com.littlethreads.emulator.webhook;
