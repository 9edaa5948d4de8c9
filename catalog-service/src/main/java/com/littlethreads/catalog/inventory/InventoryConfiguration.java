package com.littlethreads.catalog.inventory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.littlethreads.platform.security.AccessRules;

/**
 * Who may call the inventory API, the job that expires lapsed holds and the job that
 * repairs holds a crash left behind.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InventoryConfiguration implements SchedulingConfigurer {

	private final InventoryJobs jobs;

	private final ReservationProperties properties;

	InventoryConfiguration(InventoryJobs jobs, ReservationProperties properties) {
		this.jobs = jobs;
		this.properties = properties;
	}

	/**
	 * Only services holding the {@code inventory:reserve} scope (payment-service); the
	 * platform already refuses user tokens on every internal path.
	 * @return the rules
	 */
	@Bean
	static AccessRules inventoryAccessRules() {
		return (requests) -> requests.requestMatchers("/internal/inventory/**").hasAuthority("SCOPE_inventory:reserve");
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.jobs::expireLapsedReservations, this.properties.expiryCheckInterval());
		registrar.addFixedDelayTask(this.jobs::repairHolds, this.properties.repairInterval());
	}

}
