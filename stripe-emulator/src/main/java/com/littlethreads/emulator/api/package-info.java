/**
 * Stripe's wire protocol as stripe-java speaks it: API keys, bracket-notation form
 * parameters, idempotency keys and Stripe's error JSON. Errors here are Stripe's
 * {@code {"error":{…}}} bodies, not problem+json, because the client is stripe-java.
 */
package com.littlethreads.emulator.api;
