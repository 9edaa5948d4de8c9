package com.littlethreads.emulator.contract;

import java.time.Duration;
import java.time.Instant;

import com.stripe.StripeClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Stripe contract against a real Stripe test account: run only with
 * {@code STRIPE_CONTRACT_TESTS=true} and {@code STRIPE_SECRET_KEY} set to the account's
 * test key ({@code sk_test_…}; a live key is refused before any call), skipped otherwise.
 * {@code STRIPE_API_BASE} points it elsewhere (a running emulator, to check this class
 * itself). Against Stripe, what happens later (a refund failing, a dispute) is waited
 * for, up to three minutes. <pre>
 * STRIPE_CONTRACT_TESTS=true STRIPE_SECRET_KEY=sk_test_... \
 *   ./mvnw -B -pl stripe-emulator verify -Dtest=LiveStripeContractTests
 * </pre>
 */
@EnabledIfEnvironmentVariable(named = "STRIPE_CONTRACT_TESTS", matches = "true")
@EnabledIfEnvironmentVariable(named = "STRIPE_SECRET_KEY", matches = ".+")
class LiveStripeContractTests implements StripeContract {

	private static final String KEY = System.getenv("STRIPE_SECRET_KEY");

	private static final String API_BASE = System.getenv().getOrDefault("STRIPE_API_BASE", "https://api.stripe.com");

	@BeforeAll
	static void testModeOnly() {
		assertThat(KEY).as("STRIPE_SECRET_KEY must be a test-mode key: the contract refunds and disputes payments")
			.startsWith("sk_test_");
	}

	@Override
	public StripeClient stripe() {
		return client(KEY);
	}

	@Override
	public StripeClient stripeWithAnotherKey() {
		return client("sk_test_not" + "the" + "accounts" + "key0000000000000000000");
	}

	@Override
	public Instant now() {
		return Instant.now();
	}

	@Override
	public void elapse(Duration duration) {
		// Stripe's own time passes while eventually() waits.
	}

	@Override
	public Duration patience() {
		return Duration.ofMinutes(3);
	}

	private static StripeClient client(String key) {
		return StripeClient.builder().setApiKey(key).setApiBase(API_BASE).setMaxNetworkRetries(2).build();
	}

}
