package com.littlethreads.emulator.payments;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.littlethreads.emulator.EmulatorProperties;

/**
 * Expires open sessions once their {@code expires_at} has passed (by the injected clock),
 * every {@code emulator.expiry-check-interval}; each expiry emits
 * {@code checkout.session.expired}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionExpiry implements SchedulingConfigurer {

	private final Account account;

	private final EmulatorProperties properties;

	SessionExpiry(Account account, EmulatorProperties properties) {
		this.account = account;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.account::expireDue, this.properties.expiryCheckInterval());
	}

}
