package com.littlethreads.emulator.contract;

import java.time.Duration;
import java.time.Instant;

import com.stripe.StripeClient;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.emulator.EmulatorIntegrationTest;

/**
 * The Stripe contract against the emulator, in every build, with the emulator's key as
 * strict as Stripe's and its clock moved instead of waited for.
 */
@TestPropertySource(properties = "emulator.secret-key=" + EmulatorStripeContractTests.KEY)
class EmulatorStripeContractTests extends EmulatorIntegrationTest implements StripeContract {

	static final String KEY = "sk_test_contract_account";

	@Override
	public StripeClient stripe() {
		return stripe(KEY);
	}

	@Override
	public StripeClient stripeWithAnotherKey() {
		return stripe("sk_test_another_account");
	}

	@Override
	public Instant now() {
		return this.clock.instant();
	}

	@Override
	public void elapse(Duration duration) {
		this.clock.advance(duration);
	}

	@Override
	public Duration patience() {
		return Duration.ofSeconds(10);
	}

}
