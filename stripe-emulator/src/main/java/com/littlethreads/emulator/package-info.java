/**
 * stripe-emulator: a development and test tool, never part of a production image. It
 * stands in for the part of Stripe's API that payment-service calls, as stripe-java
 * 33.3.0 sends it, so the whole purchase works offline. All state is in memory and lost
 * on restart, on purpose: there is one test account and nothing to migrate.
 *
 * <h2>Running it</h2> <pre>
 * STRIPE_WEBHOOK_SECRET=whsec_local_dev ./mvnw -pl stripe-emulator spring-boot:run
 * </pre> and point payment-service at it with
 * {@code STRIPE_API_BASE=http://127.0.0.1:8090}, any {@code STRIPE_SECRET_KEY=sk_test_…}
 * and the same {@code STRIPE_WEBHOOK_SECRET}. With stripe-java:
 * {@code StripeClient.builder().setApiKey("sk_test_…").setApiBase(url)}.
 *
 * <h2>Environment</h2>
 * <ul>
 * <li>{@code PORT} (8090)</li>
 * <li>{@code STRIPE_WEBHOOK_SECRET}: required, no default; events are signed with it</li>
 * <li>{@code STRIPE_WEBHOOK_URL}
 * ({@code http://127.0.0.1:8083/api/payments/stripe/webhook})</li>
 * <li>{@code EMULATOR_PUBLIC_URL} ({@code http://localhost:8090}): base of the hosted
 * page URLs a browser is sent to</li>
 * <li>{@code emulator.webhook.retry.max-attempts} (8), {@code .initial-delay} (1s),
 * {@code .multiplier} (2.0), {@code .max-delay} (5m), {@code emulator.webhook.timeout}
 * (10s), {@code emulator.expiry-check-interval} (5s)</li>
 * </ul>
 *
 * <h2>API ({@code Authorization: Bearer sk_test_…}, form-encoded, Stripe error JSON)</h2>
 * <ul>
 * <li>{@code POST /v1/checkout/sessions}: {@code mode=payment}, {@code line_items[n]}
 * with {@code price_data[currency|unit_amount|product_data[name|description]]} and
 * {@code quantity}, {@code success_url} ({@code {CHECKOUT_SESSION_ID}} is replaced),
 * {@code cancel_url}, {@code client_reference_id}, {@code customer_email},
 * {@code metadata}, {@code payment_intent_data[metadata|description]}, {@code expires_at}
 * (30 minutes to 24 hours ahead), {@code locale}, {@code expand[]}. Unknown parameters
 * are refused as Stripe refuses them.</li>
 * <li>{@code GET /v1/checkout/sessions/{id}} ({@code expand[]=payment_intent}),
 * {@code POST /v1/checkout/sessions/{id}/expire} (open sessions only)</li>
 * <li>{@code GET /v1/payment_intents/{id}} ({@code expand[]=latest_charge})</li>
 * <li>{@code POST /v1/refunds}: {@code payment_intent} or {@code charge}, optional
 * {@code amount} up to what is not yet refunded, {@code reason}, {@code metadata}</li>
 * <li>{@code GET /v1/events/{id}}: a recent event as it was delivered</li>
 * <li>{@code Idempotency-Key} on POSTs: replayed with {@code Idempotent-Replayed: true},
 * a different request under the same key gets 400 {@code idempotency_error}.</li>
 * </ul>
 *
 * <h2>Hosted page and events</h2> {@code GET /checkout/{id}} shows the lines and total;
 * test card 4242 4242 4242 4242 pays (event {@code checkout.session.completed}, 303 to
 * the success URL), 4000 0000 0000 0002 is declined ("Your card was declined.", the
 * session stays open); any future expiry and any CVC. Expiry (by time or the expire
 * endpoint) emits {@code checkout.session.expired}; refunds emit {@code charge.refunded}.
 * Events carry stripe-java's {@code Stripe.API_VERSION}, are signed in
 * {@code Stripe-Signature} and retried with exponential backoff until the receiver
 * answers 2xx.
 */
package com.littlethreads.emulator;
