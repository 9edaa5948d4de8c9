package com.littlethreads.emulator.api;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.littlethreads.emulator.EmulatorProperties;

/**
 * The Stripe API's request pipeline under {@code /v1}: API key first, then idempotency.
 */
@Configuration(proxyBeanMethods = false)
class StripeApiConfiguration {

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(JsonMapper json, EmulatorProperties properties) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyFilter(new StripeErrorResponses(json), properties.secretKey()));
		registration.addUrlPatterns("/v1/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JsonMapper json, Clock clock) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(new StripeErrorResponses(json), clock));
		registration.addUrlPatterns("/v1/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
		return registration;
	}

}
