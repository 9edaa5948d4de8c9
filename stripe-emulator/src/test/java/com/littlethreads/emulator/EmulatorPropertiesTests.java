package com.littlethreads.emulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void startupFailsClearlyWithoutAWebhookSecret() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("STRIPE_WEBHOOK_SECRET");
		});
		this.runner.withPropertyValues("emulator.webhook.secret= ").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void defaultsMatchTheLocalSetup() {
		this.runner.withPropertyValues("emulator.webhook.secret=whsec_x").run((context) -> {
			EmulatorProperties properties = context.getBean(EmulatorProperties.class);
			assertThat(properties.publicUrl()).hasToString("http://localhost:8090");
			assertThat(properties.checkoutPageUrl("cs_test_1")).isEqualTo("http://localhost:8090/checkout/cs_test_1");
			assertThat(properties.webhook().url()).hasToString("http://127.0.0.1:8083/api/payments/stripe/webhook");
			assertThat(properties.webhook().retry().maxAttempts()).isEqualTo(8);
		});
	}

	@Test
	void retryDelaysGrowExponentiallyUpToTheCap() {
		EmulatorProperties.Retry retry = new EmulatorProperties.Retry(6, Duration.ofSeconds(1), 2.0,
				Duration.ofSeconds(5));

		assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(retry.delayAfter(4)).isEqualTo(Duration.ofSeconds(5));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmulatorProperties.class)
	static class PropertiesConfiguration {

	}

}
