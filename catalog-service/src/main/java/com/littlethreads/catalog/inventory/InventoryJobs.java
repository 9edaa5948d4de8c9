package com.littlethreads.catalog.inventory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.stereotype.Component;

/**
 * The inventory's scheduled jobs, each run once per interval across all instances: every
 * instance ticks, and the one that takes the job's lock holds it for the interval, so the
 * others skip their ticks. If that instance dies, the lock lapses after
 * {@code littlethreads.scheduling.lock-at-most-for} and another instance takes over. Both
 * jobs are safe to run twice (every step is a guarded single-document update); the lock
 * keeps N instances from doing the same scan N times.
 */
@Component
class InventoryJobs {

	private final StockReservations reservations;

	private final HoldRepair holdRepair;

	private final InventoryMeters meters;

	InventoryJobs(StockReservations reservations, HoldRepair holdRepair, InventoryMeters meters) {
		this.reservations = reservations;
		this.holdRepair = holdRepair;
		this.meters = meters;
	}

	@SchedulerLock(name = "catalog.expire-lapsed-reservations",
			lockAtLeastFor = "${catalog.reservations.expiry-check-interval:30s}")
	public void expireLapsedReservations() {
		this.reservations.expireLapsed();
	}

	@SchedulerLock(name = "catalog.repair-holds", lockAtLeastFor = "${catalog.reservations.repair-interval:1m}")
	public void repairHolds() {
		this.meters.repaired(this.holdRepair.repair());
	}

}
