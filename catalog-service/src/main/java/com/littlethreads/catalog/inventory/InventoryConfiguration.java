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

	private final Reservations reservations;

	private final HoldRepair holdRepair;

	private final InventoryMeters meters;

	private final ReservationProperties properties;

	InventoryConfiguration(Reservations reservations, HoldRepair holdRepair, ReservationProperties properties,
			InventoryMeters meters) {
		this.meters = meters;
		this.reservations = reservations;
		this.holdRepair = holdRepair;
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
		registrar.addFixedDelayTask(this.reservations::expireLapsed, this.properties.expiryCheckInterval());
		registrar.addFixedDelayTask(() -> this.meters.repaired(this.holdRepair.repair()),
				this.properties.repairInterval());
	}

}
