package com.littlethreads.payment.reconciliation;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What each reconciliation pass found. A repair is an order that reconciliation moved
 * because no webhook had: a steady stream of them means webhooks are not arriving (the
 * events it recovers count in {@code shop_stripe_events_total{via="events-api"}}).
 */
@Component
class ReconciliationMeters {

	private final MeterRegistry registry;

	ReconciliationMeters(MeterRegistry registry) {
		this.registry = registry;
		// Every series the dashboards and alerts read exists from the start, at 0.
		runs(true);
		runs(false);
		checked();
		for (String kind : List.of("order-paid", "order-expired", "order-payment-failed", "stock-committed")) {
			repairs(kind);
		}
	}

	private Counter runs(boolean eventsListed) {
		return Counter.builder("shop.reconciliation.runs")
			.description("Reconciliation passes, by whether Stripe's events could be listed")
			.tag("result", eventsListed ? "completed" : "events-unavailable")
			.register(this.registry);
	}

	private Counter checked() {
		return Counter.builder("shop.reconciliation.checked")
			.description("Events and orders reconciliation looked at")
			.register(this.registry);
	}

	private Counter repairs(String kind) {
		return Counter.builder("shop.reconciliation.repairs")
			.description("Orders reconciliation moved because no webhook had, by what it did")
			.tag("kind", kind)
			.register(this.registry);
	}

	/**
	 * A pass ended.
	 * @param eventsListed whether Stripe's events could be listed
	 * @param checked how many events and orders it looked at
	 */
	void ran(boolean eventsListed, int checked) {
		runs(eventsListed).increment();
		checked().increment(checked);
	}

	/**
	 * Reconciliation changed an order no webhook had changed.
	 * @param kind {@code order-paid}, {@code order-expired}, {@code order-payment-failed}
	 * or {@code stock-committed}
	 */
	void repaired(String kind) {
		repairs(kind).increment();
	}

}
