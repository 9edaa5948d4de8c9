package com.littlethreads.payment.reconciliation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where the walk through Stripe's events stands: the last event it processed (applied,
 * ignored, refused or found done already). One document.
 *
 * @param id always {@link #ID}
 * @param lastEventId the event to list after next time
 * @param lastEventCreated when that event happened
 * @param updatedAt when the cursor last moved
 */
@Document("stripe_event_cursor")
record EventCursor(@Id String id, String lastEventId, Instant lastEventCreated, Instant updatedAt) {

	static final String ID = "events";

}
