package com.littlethreads.payment.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.param.EventListParams;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.littlethreads.payment.PaymentProperties;
import com.littlethreads.payment.webhook.StripeEvents;

/**
 * Stripe's documented recovery from missed webhooks: list the events created since the
 * last one processed ({@code GET /v1/events?ending_before=<it>}, of the types we apply)
 * and deal with each as if it had been delivered, oldest first. Events a webhook already
 * delivered are found done and skipped. The cursor moves past an event only once it has
 * been dealt with, so one that cannot be applied yet (catalog-service down) stops the
 * walk and is tried again on the next pass.
 */
@Component
class EventRecovery {

	private static final Log log = LogFactory.getLog(EventRecovery.class);

	private static final long PAGE = 100;

	/** Stripe keeps events for 30 days; nothing older can be listed. */
	private static final Duration RETENTION = Duration.ofDays(30);

	private final StripeClient stripe;

	private final StripeEvents events;

	private final MongoTemplate mongo;

	private final Duration lookback;

	private final Clock clock;

	EventRecovery(StripeClient stripe, StripeEvents events, MongoTemplate mongo, PaymentProperties properties,
			Clock clock) {
		this.stripe = stripe;
		this.events = events;
		this.mongo = mongo;
		this.lookback = (properties.eventsLookback().compareTo(RETENTION) < 0) ? properties.eventsLookback()
				: RETENTION;
		this.clock = clock;
	}

	/**
	 * One walk, as far as the newest event or the first that cannot be applied yet.
	 * @return how many events were listed
	 * @throws StripeException if Stripe could not list them (the walk resumes next pass)
	 */
	int walk() throws StripeException {
		EventCursor cursor = this.mongo.findById(EventCursor.ID, EventCursor.class);
		if (cursor == null) {
			return fromLookback();
		}
		int listed = 0;
		String after = cursor.lastEventId();
		boolean more = true;
		while (more) {
			StripeCollection<Event> page;
			try {
				page = this.stripe.v1()
					.events()
					.list(EventListParams.builder()
						.setEndingBefore(after)
						.setLimit(PAGE)
						.addAllType(StripeEvents.TYPES)
						.build());
			}
			catch (InvalidRequestException ex) {
				if (ex.getStatusCode() == null
						|| ex.getStatusCode() != 404 && !"resource_missing".equals(ex.getCode())) {
					throw ex;
				}
				// Stripe dropped the cursor's event (after 30 days): list by time.
				log.warn("Stripe no longer has event " + after + "; listing the events of the last " + this.lookback);
				return listed + fromLookback();
			}
			// Each page holds the events just after the cursor, newest first.
			List<Event> oldestFirst = new ArrayList<>(page.getData());
			Collections.reverse(oldestFirst);
			listed += oldestFirst.size();
			if (!deal(oldestFirst)) {
				return listed;
			}
			more = Boolean.TRUE.equals(page.getHasMore()) && !oldestFirst.isEmpty();
			if (!oldestFirst.isEmpty()) {
				after = oldestFirst.get(oldestFirst.size() - 1).getId();
			}
		}
		return listed;
	}

	/**
	 * The first walk (or one whose cursor Stripe forgot) has no event to list after: it
	 * lists the events created within {@code payment.events-lookback}, newest first page
	 * by page, and deals with them oldest first.
	 */
	private int fromLookback() throws StripeException {
		long since = this.clock.instant().minus(this.lookback).getEpochSecond();
		EventListParams params = EventListParams.builder()
			.setCreated(EventListParams.Created.builder().setGte(since).build())
			.setLimit(PAGE)
			.addAllType(StripeEvents.TYPES)
			.build();
		List<Event> newestFirst = new ArrayList<>();
		for (Event event : this.stripe.v1().events().list(params).autoPagingIterable()) {
			newestFirst.add(event);
		}
		Collections.reverse(newestFirst);
		deal(newestFirst);
		return newestFirst.size();
	}

	/**
	 * Deals with events in order, moving the cursor past each.
	 * @return whether every one was dealt with
	 */
	private boolean deal(List<Event> oldestFirst) {
		for (Event event : oldestFirst) {
			try {
				this.events.process(event, "events-api");
			}
			catch (StripeException | RuntimeException ex) {
				log.warn("Stripe event " + event.getId() + " (" + event.getType()
						+ ") could not be applied yet; the walk resumes there next pass", ex);
				return false;
			}
			this.mongo.save(new EventCursor(EventCursor.ID, event.getId(), Instant.ofEpochSecond(event.getCreated()),
					this.clock.instant()));
		}
		return true;
	}

}
