/**
 * stripe-emulator: a development and test tool, never part of a production image. It
 * stands in for the part of Stripe's API that payment-service calls, as stripe-java
 * 33.3.0 sends it, so the whole purchase works offline, including what real Stripe does
 * that a happy path never shows (delayed payments, failing refunds, disputes, missed
 * webhooks, other API versions). The Stripe contract tests (in this module's tests) run
 * the same scenarios against it and, given a key, against a real Stripe test account:
 * they are how it stays honest. All state is in memory and lost on restart, on purpose:
 * there is one test account and nothing to migrate.
 *
 * <h2>Running it</h2> <pre>
 * STRIPE_SECRET_KEY=sk_test_local STRIPE_WEBHOOK_SECRET=whsec_local_dev ./mvnw -pl stripe-emulator spring-boot:run
 * </pre> and point payment-service at it with
 * {@code STRIPE_API_BASE=http://127.0.0.1:8090} and the same {@code STRIPE_SECRET_KEY}
 * and {@code STRIPE_WEBHOOK_SECRET}. With stripe-java:
 * {@code StripeClient.builder().setApiKey("sk_test_…").setApiBase(url)}.
 *
 * <h2>Environment</h2>
 * <ul>
 * <li>{@code PORT} (8090)</li>
 * <li>{@code STRIPE_WEBHOOK_SECRET}: required, no default; events are signed with it</li>
 * <li>{@code STRIPE_SECRET_KEY}: the account's key; when set, any other key gets Stripe's
 * 401 (empty: any {@code sk_test_…} key is accepted)</li>
 * <li>{@code STRIPE_WEBHOOK_URL}
 * ({@code http://127.0.0.1:8083/api/payments/stripe/webhook})</li>
 * <li>{@code EMULATOR_PUBLIC_URL} ({@code http://localhost:8090}): base of the hosted
 * page URLs a browser is sent to</li>
 * <li>{@code EMULATOR_WEBHOOK_DROP} (none): event types never delivered, {@code *} or a
 * prefix such as {@code refund.*}, to test recovery through {@code GET /v1/events};
 * {@code EMULATOR_WEBHOOK_DELAY} (0s): wait before each first delivery;
 * {@code EMULATOR_WEBHOOK_API_VERSION} (stripe-java's): the events' API version</li>
 * <li>{@code emulator.webhook.retry.max-attempts} (8), {@code .initial-delay} (1s),
 * {@code .multiplier} (2.0), {@code .max-delay} (5m), {@code emulator.webhook.timeout}
 * (10s); {@code emulator.expiry-check-interval} (5s): how often the clock is looked at;
 * {@code emulator.expiry-delay} (0s): how long an open session outlives its
 * {@code expires_at} before the clock expires it; {@code emulator.delayed-payment-delay}
 * (3m): how long a Bacs Direct Debit payment processes;
 * {@code emulator.refund-failure-delay} (1m): how long a refund of card 4000 0000 0000
 * 5126 shows succeeded before it fails</li>
 * </ul>
 *
 * <h2>API ({@code Authorization: Bearer sk_test_…}, form-encoded, Stripe error JSON)</h2>
 * <ul>
 * <li>{@code POST /v1/checkout/sessions}: {@code mode=payment}, {@code line_items[n]}
 * with {@code price_data[currency|unit_amount|product_data[name|description]]} and
 * {@code quantity}, {@code payment_method_types[]} ({@code card}, {@code bacs_debit};
 * none: the account's, card and for gbp Bacs Direct Debit), {@code success_url}
 * ({@code {CHECKOUT_SESSION_ID}} is replaced), {@code cancel_url},
 * {@code client_reference_id}, {@code customer_email}, {@code metadata},
 * {@code payment_intent_data[metadata|description]}, {@code expires_at} (30 minutes to 24
 * hours ahead), {@code locale}, {@code expand[]}. Unknown parameters are refused as
 * Stripe refuses them.</li>
 * <li>{@code GET /v1/checkout/sessions/{id}} ({@code expand[]=payment_intent}),
 * {@code POST /v1/checkout/sessions/{id}/expire} (open sessions only)</li>
 * <li>{@code POST /v1/payment_intents} ({@code amount}, {@code currency},
 * {@code payment_method} a test PaymentMethod such as {@code pm_card_visa},
 * {@code confirm}, {@code payment_method_types[]=card} or
 * {@code automatic_payment_methods}, {@code return_url}, {@code metadata}): a card
 * payment without a browser, as the contract tests take one from Stripe itself;
 * {@code GET /v1/payment_intents/{id}} ({@code expand[]=latest_charge})</li>
 * <li>{@code POST /v1/refunds}: {@code payment_intent} or {@code charge}, optional
 * {@code amount} up to what is not yet refunded, {@code reason}, {@code metadata};
 * {@code GET /v1/refunds/{id}}; {@code GET /v1/refunds} ({@code payment_intent},
 * {@code charge}, {@code limit}, {@code starting_after}, {@code ending_before})</li>
 * <li>{@code GET /v1/charges/{id}}, {@code GET /v1/disputes/{id}}</li>
 * <li>{@code GET /v1/events/{id}}; {@code GET /v1/events} ({@code type}, {@code types[]},
 * {@code created}, {@code delivery_success}, {@code limit}, {@code starting_after},
 * {@code ending_before}), newest first, as Stripe lists them</li>
 * <li>{@code Idempotency-Key} on POSTs: the answer of a request whose endpoint ran is
 * saved, failures included, and replayed with {@code Idempotent-Replayed: true}; a
 * request refused by validation saves nothing; a different request under the same key
 * gets 400 {@code idempotency_error}.</li>
 * <li>Validation errors carry Stripe's codes: {@code parameter_unknown},
 * {@code parameter_missing}, {@code parameter_invalid_integer},
 * {@code parameters_exclusive}, {@code email_invalid}, {@code url_invalid};
 * {@code resource_missing}, {@code charge_already_refunded}, {@code amount_too_large} for
 * what the objects cannot do.</li>
 * </ul>
 *
 * <h2>Hosted page and events</h2> {@code GET /checkout/{id}} shows the lines and total.
 * Test cards (any future expiry, any CVC): 4242 4242 4242 4242 pays (event
 * {@code checkout.session.completed}, 303 to the success URL); 4000 0000 0000 0002 is
 * declined ("Your card was declined.", the session stays open); 4000 0025 0000 3155 asks
 * for 3D Secure on a test challenge page (complete: paid; fail: the session stays open);
 * 4000 0000 0000 5126 pays, and each refund of it reads {@code succeeded}, then fails
 * ({@code expired_or_canceled_card}: {@code refund.failed}, {@code refund.updated},
 * {@code charge.refund.updated}, the charge's {@code amount_refunded} back down); 4000
 * 0000 0000 0259 pays and is disputed ({@code charge.dispute.created}). Where the session
 * takes {@code bacs_debit}, sort code 10-88-00 with account 00012345 or 22222227
 * completes it unpaid ({@code checkout.session.completed}), and
 * {@code delayed-payment-delay} later {@code checkout.session.async_payment_succeeded} or
 * {@code _failed} follows. Sessions expire by the clock
 * ({@code checkout.session.expired}), never when read; a session past its
 * {@code expires_at} takes no payment. Refunds emit {@code refund.created} and
 * {@code charge.refunded}. Events are signed in {@code Stripe-Signature} and retried with
 * exponential backoff until the receiver answers 2xx.
 */
package com.littlethreads.emulator;
