package com.littlethreads.payment.stripe;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How payment-service talks to Stripe (or the local Stripe emulator). The keys come only
 * from the environment; a missing one stops the service at startup with a message naming
 * the variable to set.
 *
 * @param secretKey the API secret key ({@code STRIPE_SECRET_KEY}, {@code sk_test_…})
 * @param webhookSecret the signing secret of the webhook endpoint
 * ({@code STRIPE_WEBHOOK_SECRET}, {@code whsec_…})
 * @param apiBase Stripe's API base URL, or the emulator's
 * @param connectTimeout connect timeout per attempt
 * @param readTimeout read timeout per attempt
 * @param maxNetworkRetries how often stripe-java retries a failed connection or a 409/5xx
 * answer (with the same idempotency key)
 */
@ConfigurationProperties("stripe")
@Validated
public record StripeProperties(
		@NotBlank(message = "must be set: export STRIPE_SECRET_KEY (a Stripe test key sk_test_..., or any sk_test_ "
				+ "value with the local Stripe emulator)") String secretKey,
		@NotBlank(message = "must be set: export STRIPE_WEBHOOK_SECRET (the endpoint's whsec_... signing secret, "
				+ "or the one given to the emulator)") String webhookSecret,
		@DefaultValue("https://api.stripe.com") @NotBlank String apiBase,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("20s") @NotNull Duration readTimeout,
		@DefaultValue("2") @Min(0) @Max(5) int maxNetworkRetries) {

}
