package com.littlethreads.payment.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A Stripe event that has been dealt with: applied, ignored (a type we do not use) or
 * refused (unreadable). The event id is the document id, so the unique {@code _id} index
 * records each event once, whether it came by webhook or from the events walk.
 *
 * @param id Stripe's event id ({@code evt_…})
 * @param type the event type
 * @param apiVersion the API version the event was rendered for
 * @param outcome what became of it
 * @param detail why it was refused, or {@code null}
 * @param via {@code webhook} or {@code events-api}
 * @param receivedAt when it was dealt with
 */
@Document("stripe_events")
record ReceivedEvent(@Id String id, String type, String apiVersion, StripeEvents.Outcome outcome, String detail,
		String via, Instant receivedAt) {

}
