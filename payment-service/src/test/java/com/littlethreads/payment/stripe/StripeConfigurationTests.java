package com.littlethreads.payment.stripe;

import com.stripe.StripeClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Stripe keys come only from the environment, and a missing one stops the service at
 * startup naming the variable to set.
 */
class StripeConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(StripeConfiguration.class)
		.withBean(SimpleMeterRegistry.class);

	@Test
	void missingSecretKeyFailsStartupNamingTheVariable() {
		this.contexts.withPropertyValues("stripe.webhook-secret=whsec_x").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("STRIPE_SECRET_KEY");
		});
	}

	@Test
	void missingWebhookSecretFailsStartupNamingTheVariable() {
		this.contexts.withPropertyValues("stripe.secret-key=sk_test_x", "stripe.webhook-secret=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("STRIPE_WEBHOOK_SECRET");
		});
	}

	@Test
	void oneClientIsConfiguredForTheGivenApiBase() {
		this.contexts
			.withPropertyValues("stripe.secret-key=sk_test_x", "stripe.webhook-secret=whsec_x",
					"stripe.api-base=http://127.0.0.1:8090")
			.run((context) -> {
				assertThat(context).hasSingleBean(StripeClient.class);
				assertThat(context.getBean(StripeProperties.class).maxNetworkRetries()).isEqualTo(2);
				assertThat(context.getBean(StripeProperties.class).apiBase()).isEqualTo("http://127.0.0.1:8090");
			});
	}

}
