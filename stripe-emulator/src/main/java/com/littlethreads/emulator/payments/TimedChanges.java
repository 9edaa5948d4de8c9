package com.littlethreads.emulator.payments;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.littlethreads.emulator.EmulatorProperties;

/**
 * Every {@code emulator.expiry-check-interval} looks at the injected clock and does what
 * Stripe does by itself when its time comes ({@link Account#tick()}): expires open
 * sessions, settles or fails delayed payments, fails refunds of cards whose refunds fail,
 * each with its event. Tests move the clock instead of waiting.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimedChanges implements SchedulingConfigurer {

	private final Account account;

	private final EmulatorProperties properties;

	TimedChanges(Account account, EmulatorProperties properties) {
		this.account = account;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.account::tick, this.properties.expiryCheckInterval());
	}

}
