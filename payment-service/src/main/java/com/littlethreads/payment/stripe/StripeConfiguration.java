package com.littlethreads.payment.stripe;

import com.stripe.StripeClient;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The single {@link StripeClient}: no global {@code Stripe.apiKey}, so tests and the
 * emulator point it anywhere without touching static state.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

	@Bean
	StripeClient stripeClient(StripeProperties properties, MeterRegistry registry) {
		return StripeClient.builder()
			.setHttpClient(new MeteredStripeHttpClient(registry))
			.setApiKey(properties.secretKey())
			.setApiBase(properties.apiBase())
			.setConnectTimeout((int) properties.connectTimeout().toMillis())
			.setReadTimeout((int) properties.readTimeout().toMillis())
			.setMaxNetworkRetries(properties.maxNetworkRetries())
			.build();
	}

}
