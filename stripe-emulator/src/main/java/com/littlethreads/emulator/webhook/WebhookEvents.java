package com.littlethreads.emulator.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.littlethreads.emulator.EmulatorProperties;
import com.littlethreads.emulator.api.StripeIds;

/**
 * Creates events and delivers them to the webhook URL like Stripe: a JSON POST signed in
 * {@code Stripe-Signature}, asynchronously, re-signed at each attempt and retried with
 * exponential backoff after a non-2xx answer, a timeout or a connection failure. First
 * attempts go out in the order events happened, after {@code emulator.webhook.delay};
 * types {@code emulator.webhook.drop} names are never delivered. Every event is kept for
 * {@code GET /v1/events}, as Stripe keeps them for 30 days; the most recent deliveries
 * are kept for inspection.
 */
@Component
public class WebhookEvents implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(WebhookEvents.class);

	private static final int KEPT_DELIVERIES = 500;

	private static final int KEPT_EVENTS = 10_000;

	private final Map<String, Delivery> deliveries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Delivery> eldest) {
			return size() > KEPT_DELIVERIES;
		}
	});

	/** Oldest first. */
	private final LinkedHashMap<String, StoredEvent> events = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, StoredEvent> eldest) {
			return size() > KEPT_EVENTS;
		}
	};

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "webhook-delivery");
		thread.setDaemon(true);
		return thread;
	});

	private final EmulatorProperties.Webhook webhook;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	WebhookEvents(EmulatorProperties properties, JsonMapper json, Clock clock) {
		this.webhook = properties.webhook();
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(this.webhook.timeout()).build();
	}

	/**
	 * Records an event and schedules its delivery.
	 * @param type the event type, for example {@code checkout.session.completed}
	 * @param objectId the id of the object the event is about
	 * @param object the object as its API endpoint returns it (serialized now, so later
	 * changes do not leak into the event)
	 * @return the event's id
	 */
	public String emit(String type, String objectId, Object object) {
		String id = StripeIds.next("evt_", 24);
		long created = this.clock.instant().getEpochSecond();
		EventJson event = new EventJson(id, "event", this.webhook.apiVersion(), created, new EventJson.Data(object),
				false, this.webhook.drops(type) ? 0 : 1, new EventJson.Request(null, null), type);
		String payload = this.json.writeValueAsString(event);
		synchronized (this.events) {
			this.events.put(id, new StoredEvent(id, type, created, payload));
		}
		if (this.webhook.drops(type)) {
			this.deliveries.put(id, new Delivery(id, type, objectId, this.clock.instant(), payload, 0,
					Delivery.State.DROPPED, "dropped: emulator.webhook.drop names " + type));
			return id;
		}
		this.deliveries.put(id,
				new Delivery(id, type, objectId, this.clock.instant(), payload, 0, Delivery.State.PENDING, null));
		if (this.webhook.delay().isZero()) {
			this.executor.execute(() -> attempt(id));
		}
		else {
			this.executor.schedule(() -> attempt(id), this.webhook.delay().toMillis(), TimeUnit.MILLISECONDS);
		}
		return id;
	}

	/**
	 * The most recent deliveries, oldest first.
	 * @return a snapshot
	 */
	public List<Delivery> deliveries() {
		synchronized (this.deliveries) {
			return List.copyOf(new ArrayList<>(this.deliveries.values()));
		}
	}

	/**
	 * One delivery.
	 * @param eventId the event's id
	 * @return its state, if still kept
	 */
	public Optional<Delivery> delivery(String eventId) {
		return Optional.ofNullable(this.deliveries.get(eventId));
	}

	/**
	 * One event as it was rendered.
	 * @param eventId the event's id
	 * @return it, if still kept
	 */
	Optional<StoredEvent> event(String eventId) {
		synchronized (this.events) {
			return Optional.ofNullable(this.events.get(eventId));
		}
	}

	/**
	 * Every kept event, newest first, as Stripe lists them.
	 * @return a snapshot
	 */
	List<StoredEvent> newestFirst() {
		List<StoredEvent> all;
		synchronized (this.events) {
			all = new ArrayList<>(this.events.values());
		}
		Collections.reverse(all);
		return all;
	}

	/**
	 * Whether an event reached the webhook endpoint.
	 * @param eventId the event's id
	 * @return {@code true} once the receiver answered 2xx
	 */
	boolean delivered(String eventId) {
		Delivery delivery = this.deliveries.get(eventId);
		return delivery != null && delivery.state() == Delivery.State.DELIVERED;
	}

	private void attempt(String eventId) {
		Delivery delivery = this.deliveries.get(eventId);
		if (delivery == null) {
			return;
		}
		String result;
		boolean delivered;
		try {
			HttpRequest request = HttpRequest.newBuilder(this.webhook.url())
				.timeout(this.webhook.timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks) stripe-emulator")
				.header("Stripe-Signature",
						StripeSignature.header(delivery.payload(), this.webhook.secret(),
								this.clock.instant().getEpochSecond()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			delivered = response.statusCode() >= 200 && response.statusCode() < 300;
			result = "HTTP " + response.statusCode();
		}
		catch (IOException ex) {
			delivered = false;
			result = ex.getClass().getSimpleName() + (ex.getMessage() != null ? ": " + ex.getMessage() : "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		int attempt = delivery.attempts() + 1;
		boolean retry = !delivered && attempt < this.webhook.retry().maxAttempts();
		Delivery.State state = delivered ? Delivery.State.DELIVERED
				: (retry ? Delivery.State.PENDING : Delivery.State.FAILED);
		this.deliveries.put(eventId, delivery.attempted(state, result));
		if (retry) {
			Duration delay = this.webhook.retry().delayAfter(attempt);
			logger.info("Webhook {} {} attempt {} failed ({}); retrying in {}", delivery.type(), eventId, attempt,
					result, delay);
			this.executor.schedule(() -> attempt(eventId), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		else if (!delivered) {
			logger.warn("Webhook {} {} not delivered to {} after {} attempts ({})", delivery.type(), eventId,
					this.webhook.url(), attempt, result);
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * An event as it was rendered, for the events API.
	 *
	 * @param id the event's id
	 * @param type its type
	 * @param created when it happened, Unix seconds
	 * @param payload its JSON
	 */
	record StoredEvent(String id, String type, long created, String payload) {

	}

}
