package com.littlethreads.emulator;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the emulator presents itself and delivers webhooks.
 *
 * @param publicUrl the base of the hosted checkout page URLs handed out as a session's
 * {@code url} (environment variable {@code EMULATOR_PUBLIC_URL}); what a browser can
 * reach, not necessarily what the server binds
 * @param expiryCheckInterval how often open sessions past their {@code expires_at} are
 * expired
 * @param webhook where and how events are delivered
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(@DefaultValue("http://localhost:8090") URI publicUrl,
		@DefaultValue("5s") Duration expiryCheckInterval, @DefaultValue Webhook webhook) {

	public EmulatorProperties {
		if (expiryCheckInterval.isNegative() || expiryCheckInterval.isZero()) {
			throw new IllegalArgumentException("emulator.expiry-check-interval must be positive");
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
	 */
	public record Webhook(@DefaultValue("http://127.0.0.1:8083/api/payments/stripe/webhook") URI url, String secret,
			@DefaultValue("10s") Duration timeout, @DefaultValue Retry retry) {

		public Webhook {
			if (secret == null || secret.isBlank()) {
				throw new IllegalArgumentException(
						"STRIPE_WEBHOOK_SECRET (emulator.webhook.secret) is required: set it to the webhook signing "
								+ "secret the receiver verifies Stripe-Signature with, for example whsec_local_dev");
			}
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("emulator.webhook.timeout must be positive");
			}
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
