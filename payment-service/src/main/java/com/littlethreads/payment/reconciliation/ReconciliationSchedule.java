package com.littlethreads.payment.reconciliation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link Reconciliation} every {@code payment.reconciliation-interval}, once per
 * interval across all instances: each instance ticks, and the one that takes the lock
 * holds it for the interval, so the others skip their ticks instead of asking Stripe the
 * same questions again. Off with {@code payment.reconciliation-enabled=false} (tests run
 * passes themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "payment.reconciliation-enabled", havingValue = "true", matchIfMissing = true)
class ReconciliationSchedule {

	private static final Log log = LogFactory.getLog(ReconciliationSchedule.class);

	private final Reconciliation reconciliation;

	ReconciliationSchedule(Reconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	@Scheduled(fixedDelayString = "${payment.reconciliation-interval:60s}",
			initialDelayString = "${payment.reconciliation-interval:60s}")
	@SchedulerLock(name = "payment.reconciliation", lockAtLeastFor = "${payment.reconciliation-interval:60s}")
	void run() {
		int checked = this.reconciliation.reconcile();
		if (checked > 0) {
			log.info("Reconciled " + checked + " orders with Stripe");
		}
	}

}
