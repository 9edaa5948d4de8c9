package com.littlethreads.payment.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A Stripe event that has been applied. The event id is the document id, so the unique
 * {@code _id} index records each event once.
 *
 * @param id Stripe's event id ({@code evt_…})
 * @param type the event type
 * @param receivedAt when it was applied
 */
@Document("stripe_events")
record ReceivedEvent(@Id String id, String type, Instant receivedAt) {

}
