package com.littlethreads.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.stripe.Stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the emulator presents itself, keeps time and delivers webhooks.
 *
 * @param publicUrl the base of the hosted checkout page URLs handed out as a session's
 * {@code url} (environment variable {@code EMULATOR_PUBLIC_URL}); what a browser can
 * reach, not necessarily what the server binds
 * @param secretKey the account's secret key (environment variable
 * {@code STRIPE_SECRET_KEY}, the one payment-service is given): when set, requests with
 * any other key get Stripe's 401; when empty any {@code sk_test_} key is accepted
 * @param expiryCheckInterval how often the clock is looked at for what is due: sessions
 * to expire, delayed payments to settle, refunds to fail
 * @param expiryDelay how long after its {@code expires_at} an open session is expired
 * (and {@code checkout.session.expired} sent); until then the API shows it open, as
 * Stripe's may for a while, though its page takes no payment
 * @param delayedPaymentDelay how long a Bacs Direct Debit payment stays processing before
 * it settles or fails (days at Stripe; Stripe's test mode takes minutes)
 * @param refundFailureDelay how long a refund of a card that fails refunds (4000 0000
 * 0000 5126) shows succeeded before it fails, as Stripe's does
 * @param webhook where and how events are delivered
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(@DefaultValue("http://localhost:8090") URI publicUrl, String secretKey,
		@DefaultValue("5s") Duration expiryCheckInterval, @DefaultValue("0s") Duration expiryDelay,
		@DefaultValue("3m") Duration delayedPaymentDelay, @DefaultValue("1m") Duration refundFailureDelay,
		@DefaultValue Webhook webhook) {

	public EmulatorProperties {
		if (expiryCheckInterval.isNegative() || expiryCheckInterval.isZero()) {
			throw new IllegalArgumentException("emulator.expiry-check-interval must be positive");
		}
		if (expiryDelay.isNegative() || delayedPaymentDelay.isNegative() || refundFailureDelay.isNegative()) {
			throw new IllegalArgumentException(
					"emulator.expiry-delay, delayed-payment-delay and refund-failure-delay must not be negative");
		}
	}

	/**
	 * The checkout page URL of a session.
	 * @param sessionId the session's id
	 * @return an absolute URL under {@link #publicUrl()}
	 */
	public String checkoutPageUrl(String sessionId) {
		String base = this.publicUrl.toString();
		return (base.endsWith("/") ? base : base + "/") + "checkout/" + sessionId;
	}

	/**
	 * Webhook delivery.
	 *
	 * @param url the endpoint events are POSTed to (environment variable
	 * {@code STRIPE_WEBHOOK_URL})
	 * @param secret the signing secret, the same one the receiver verifies with
	 * (environment variable {@code STRIPE_WEBHOOK_SECRET}, required, no default)
	 * @param timeout connect and response timeout of one delivery attempt
	 * @param retry how failed deliveries are retried
	 * @param apiVersion the API version events are rendered for, as a Stripe endpoint's
	 * are for the version it was created with; another than stripe-java's
	 * {@code Stripe.API_VERSION} makes stripe-java read no object from them, as a real
	 * endpoint of another version does (the objects keep this emulator's one shape)
	 * @param drop event types never delivered, to test recovery from missed webhooks
	 * ({@code *} for all, {@code charge.*} for a prefix); they are still listed by
	 * {@code GET /v1/events}
	 * @param delay how long each event waits before its first delivery attempt
	 */
	public record Webhook(@DefaultValue("http://127.0.0.1:8083/api/payments/stripe/webhook") URI url, String secret,
			@DefaultValue("10s") Duration timeout, @DefaultValue Retry retry,
			@DefaultValue(Stripe.API_VERSION) String apiVersion, @DefaultValue List<String> drop,
			@DefaultValue("0s") Duration delay) {

		public Webhook {
			if (secret == null || secret.isBlank()) {
				throw new IllegalArgumentException(
						"STRIPE_WEBHOOK_SECRET (emulator.webhook.secret) is required: set it to the webhook signing "
								+ "secret the receiver verifies Stripe-Signature with, for example whsec_local_dev");
			}
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("emulator.webhook.timeout must be positive");
			}
			if (delay.isNegative()) {
				throw new IllegalArgumentException("emulator.webhook.delay must not be negative");
			}
			drop = drop.stream().map(String::strip).filter((type) -> !type.isEmpty()).toList();
		}

		/**
		 * Whether events of a type are never delivered.
		 * @param type the event type
		 * @return {@code true} if {@link #drop()} names it, its prefix or {@code *}
		 */
		public boolean drops(String type) {
			return this.drop.stream()
				.anyMatch((pattern) -> pattern.equals("*") || pattern.equals(type)
						|| (pattern.endsWith("*") && type.startsWith(pattern.substring(0, pattern.length() - 1))));
		}

	}

	/**
	 * Retries of a failed delivery (non-2xx answer, timeout or connection failure):
	 * attempt {@code n + 1} follows attempt {@code n} after
	 * {@code min(initialDelay * multiplier^(n-1), maxDelay)}.
	 *
	 * @param maxAttempts attempts in total, the first included
	 * @param initialDelay the wait before the first retry
	 * @param multiplier how much each wait grows
	 * @param maxDelay the longest wait between two attempts
	 */
	public record Retry(@DefaultValue("8") int maxAttempts, @DefaultValue("1s") Duration initialDelay,
			@DefaultValue("2.0") double multiplier, @DefaultValue("5m") Duration maxDelay) {

		public Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("emulator.webhook.retry.max-attempts must be at least 1");
			}
			if (initialDelay.isNegative() || maxDelay.isNegative() || multiplier < 1.0) {
				throw new IllegalArgumentException(
						"emulator.webhook.retry delays must not be negative and the multiplier must be at least 1");
			}
		}

		/**
		 * The wait after a failed attempt.
		 * @param failedAttempt the 1-based number of the attempt that failed
		 * @return the delay before the next attempt
		 */
		public Duration delayAfter(int failedAttempt) {
			double millis = this.initialDelay.toMillis() * Math.pow(this.multiplier, failedAttempt - 1);
			return (millis >= this.maxDelay.toMillis()) ? this.maxDelay : Duration.ofMillis((long) millis);
		}

	}

}
