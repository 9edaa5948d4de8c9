package com.littlethreads.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import com.littlethreads.platform.security.AccessRules;

/**
 * A tiny service built on the platform, so the platform's behaviour is tested as a
 * service sees it.
 */
@SpringBootApplication
public class PlatformTestApplication {

	@Bean
	AccessRules probeAccessRules() {
		return (requests) -> requests.requestMatchers("/internal/probe/stock/**")
			.hasAuthority("SCOPE_probe:reserve")
			.requestMatchers("/probe/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/probe/me")
			.authenticated()
			.requestMatchers("/probe/**")
			.permitAll();
	}

}
