package com.littlethreads.payment.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Whether Stripe's events arrive and are applied: webhook deliveries received and
 * refused, each event's outcome (applied, ignored, a duplicate, refused) by the way it
 * came (webhook, or the events walk that recovers what webhooks missed), and how long
 * after Stripe created an event it was applied.
 */
@Component
class StripeEventMeters {

	private final MeterRegistry registry;

	private final Counter received;

	StripeEventMeters(MeterRegistry registry) {
		this.registry = registry;
		this.received = Counter.builder("shop.stripe.webhooks.received")
			.description("Webhook deliveries, before the signature is checked")
			.register(registry);
		// Every series the dashboards and alerts read exists from the start, at 0.
		for (String reason : List.of("signature", "malformed")) {
			refusedCounter(reason);
		}
		for (String via : List.of("webhook", "events-api")) {
			for (StripeEvents.Outcome outcome : StripeEvents.Outcome.values()) {
				events(outcome, via);
			}
			lag(via);
		}
	}

	private Counter refusedCounter(String reason) {
		return Counter.builder("shop.stripe.webhooks.refused")
			.description("Webhook deliveries refused: a missing or wrong signature, or an unreadable event")
			.tag("reason", reason)
			.register(this.registry);
	}

	private Counter events(StripeEvents.Outcome outcome, String via) {
		return Counter.builder("shop.stripe.events")
			.description("Stripe events dealt with, by outcome and by the way they came")
			.tag("outcome",
					(outcome == StripeEvents.Outcome.ALREADY_DONE) ? "duplicate"
							: outcome.name().toLowerCase(Locale.ROOT))
			.tag("via", via)
			.register(this.registry);
	}

	private Timer lag(String via) {
		return Timer.builder("shop.stripe.event.lag")
			.description("From Stripe creating an event to the shop applying it")
			.tag("via", via)
			.serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
					Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1))
			.register(this.registry);
	}

	void received() {
		this.received.increment();
	}

	/**
	 * A delivery was refused before any event was read.
	 * @param reason {@code signature} or {@code malformed}
	 */
	void refused(String reason) {
		refusedCounter(reason).increment();
	}

	/**
	 * An event was dealt with.
	 * @param outcome what became of it
	 * @param via {@code webhook} or {@code events-api}
	 * @param created when Stripe created the event (epoch seconds, as signed in its
	 * payload, so anything a {@code long} holds), or {@code null}
	 * @param now the time it was dealt with
	 */
	void processed(StripeEvents.Outcome outcome, String via, Long created, Instant now) {
		events(outcome, via).increment();
		// Seconds, not Instants: a creation time outside Instant's range must not turn
		// an applied event into an error. One from the future counts as no lag.
		if (outcome == StripeEvents.Outcome.APPLIED && created != null && created > 0) {
			long lag = Math.max(0, now.getEpochSecond() - created);
			lag(via).record(Duration.ofSeconds(lag));
		}
	}

}
