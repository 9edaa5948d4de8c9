package com.littlethreads.emulator.api;

import com.stripe.exception.AuthenticationException;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With {@code emulator.secret-key} set, as {@code STRIPE_SECRET_KEY} sets it, only the
 * account's own key is accepted, as at Stripe: a service given the wrong key fails here
 * as it would there.
 */
@TestPropertySource(properties = "emulator.secret-key=sk_test_the_accounts_own")
class StrictKeyTests extends EmulatorIntegrationTest {

	@Test
	void accountsOwnKeyIsAccepted() throws Exception {
		assertThat(stripe("sk_test_the_accounts_own").v1().checkout().sessions().create(aSession().build()).getId())
			.startsWith("cs_test_");
	}

	@Test
	void anyOtherTestKeyIsAnAuthenticationError() {
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> stripe("sk_test_someone_else").v1().checkout().sessions().create(aSession().build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(401);
				assertThat(ex.getMessage()).contains("Invalid API Key provided: sk_test_****else")
					.doesNotContain("the_accounts_own");
			});
	}

}
