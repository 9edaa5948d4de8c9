/**
 * The one configured {@code StripeClient} (keys and API base from the environment,
 * timeouts, network retries) and how Stripe's failures are told to our clients.
 */
package com.littlethreads.payment.stripe;
