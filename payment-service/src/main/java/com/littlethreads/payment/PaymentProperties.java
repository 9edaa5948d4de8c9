package com.littlethreads.payment;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * payment-service settings.
 *
 * @param publicUrl where the storefront is served; Stripe sends shoppers back to its
 * checkout success and cancel pages
 * @param catalogUris catalog-service, for prices and stock reservations: the base URI of
 * each instance (or one that stands for all of them)
 * @param userUris user-service, for service tokens and signed-in shoppers' addresses:
 * likewise
 * @param clientSecret this service's client secret at user-service's token endpoint
 * @param sessionLifetime how long a shopper has to pay: 31 minutes to 24 hours. Stripe
 * requires at least 30 minutes measured when it receives the request; the extra minute
 * absorbs the call's latency and clock skew, without which a 30-minute session is
 * sometimes refused
 * @param reservationGrace how much longer than the payment session stock stays held, so
 * that a payment completed in the session's last second still finds its stock
 * @param reconciliationInterval how often orders still pending past their session's
 * expiry are checked with Stripe, and Stripe's events listed for missed webhooks
 * @param eventsLookback how far back the first walk through Stripe's events lists (and
 * one whose last event Stripe no longer keeps); at most Stripe's 30 days
 * @param connectTimeout connect timeout for calls to other services
 * @param readTimeout read timeout for calls to other services
 */
@ConfigurationProperties("payment")
@Validated
public record PaymentProperties(@DefaultValue("http://localhost:8080") @NotNull URI publicUrl,
		@DefaultValue("http://127.0.0.1:8082") @NotEmpty List<URI> catalogUris,
		@DefaultValue("http://127.0.0.1:8081") @NotEmpty List<URI> userUris,
		@NotBlank(message = "must be set: export PAYMENT_CLIENT_SECRET, the secret of client payment-service "
				+ "at user-service") String clientSecret,
		@DefaultValue("31m") @NotNull Duration sessionLifetime, @DefaultValue("5m") @NotNull Duration reservationGrace,
		@DefaultValue("60s") @NotNull Duration reconciliationInterval,
		@DefaultValue("72h") @NotNull Duration eventsLookback, @DefaultValue("2s") @NotNull Duration connectTimeout,
		@DefaultValue("5s") @NotNull Duration readTimeout) {

	public PaymentProperties {
		if (sessionLifetime != null && (sessionLifetime.compareTo(Duration.ofMinutes(31)) < 0
				|| sessionLifetime.compareTo(Duration.ofHours(24)) > 0)) {
			throw new IllegalArgumentException(
					"payment.session-lifetime must be between 31m and 24h (Stripe's 30 minutes plus a minute for latency), not "
							+ sessionLifetime);
		}
	}

}
