package com.littlethreads.payment.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundListParams;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderRepository;
import com.littlethreads.payment.order.PaymentOutcomes;
import com.littlethreads.payment.order.RefundOutcomes;
import com.littlethreads.payment.stripe.StripeErrors;

/**
 * What each Stripe event means for an order, applied once per event id whether it came by
 * webhook or from the events walk. An event is recorded only after it was dealt with, so
 * one that could not be applied yet (catalog-service or Stripe unreachable) is tried
 * again; applying one twice is harmless anyway, every step being guarded.
 */
@Component
public class StripeEvents {

	/**
	 * The event types applied: the webhook endpoint subscribes to these, and the events
	 * walk lists them. Others are acknowledged and ignored.
	 */
	public static final List<String> TYPES = List.of("checkout.session.completed",
			"checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
			"checkout.session.expired", "charge.refunded", "charge.refund.updated", "refund.created", "refund.updated",
			"refund.failed");

	private static final Log log = LogFactory.getLog(StripeEvents.class);

	private final PaymentOutcomes outcomes;

	private final RefundOutcomes refunds;

	private final OrderRepository orders;

	private final StripeClient stripe;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final StripeEventMeters meters;

	StripeEvents(PaymentOutcomes outcomes, RefundOutcomes refunds, OrderRepository orders, StripeClient stripe,
			MongoTemplate mongo, Clock clock, StripeEventMeters meters) {
		this.meters = meters;
		this.outcomes = outcomes;
		this.refunds = refunds;
		this.orders = orders;
		this.stripe = stripe;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Deals with an event once: applies it, or ignores a type we do not use, or refuses
	 * one whose object cannot be read (logged as an error and recorded with the reason).
	 * @param event the event, its signature already checked if it came by webhook
	 * @param via {@code webhook} or {@code events-api}, recorded with it
	 * @return what became of it
	 * @throws org.springframework.web.client.RestClientException if catalog-service could
	 * not be reached: not recorded, to be tried again
	 * @throws StripeException if Stripe could not be reached: not recorded, to be tried
	 * again
	 */
	public Outcome process(Event event, String via) throws StripeException {
		Outcome outcome = processOnce(event, via);
		this.meters.processed(outcome, via, event.getCreated(), this.clock.instant());
		return outcome;
	}

	private Outcome processOnce(Event event, String via) throws StripeException {
		if (this.mongo.findById(event.getId(), ReceivedEvent.class) != null) {
			return Outcome.ALREADY_DONE;
		}
		Outcome outcome;
		String detail = null;
		try {
			outcome = apply(event) ? Outcome.APPLIED : Outcome.IGNORED;
		}
		catch (UnreadableEventException ex) {
			outcome = Outcome.REFUSED;
			detail = ex.getMessage();
		}
		catch (StripeException ex) {
			if (StripeErrors.isUnavailable(ex)) {
				throw ex;
			}
			outcome = Outcome.REFUSED;
			detail = "Stripe answered %s %s (request %s)".formatted(ex.getStatusCode(), ex.getCode(),
					ex.getRequestId());
		}
		if (outcome == Outcome.REFUSED) {
			log.error("Stripe event %s (%s, API version %s) refused: %s".formatted(event.getId(), event.getType(),
					event.getApiVersion(), detail));
		}
		try {
			this.mongo.insert(new ReceivedEvent(event.getId(), event.getType(), event.getApiVersion(), outcome, detail,
					via, this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// Dealt with twice at once: both were guarded, one record stands.
		}
		return outcome;
	}

	private boolean apply(Event event) throws StripeException {
		switch (event.getType()) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.expired" ->
				this.outcomes.applySession(object(event, Session.class, this::session));
			case "checkout.session.async_payment_failed" ->
				this.outcomes.delayedPaymentFailed(object(event, Session.class, this::session));
			case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
				this.refunds.apply(object(event, Refund.class, (id) -> this.stripe.v1().refunds().retrieve(id)));
			case "charge.refunded" ->
				refunded(object(event, Charge.class, (id) -> this.stripe.v1().charges().retrieve(id)));
			case "charge.dispute.created" -> this.outcomes.disputed(
					object(event, Dispute.class, (id) -> this.stripe.v1().disputes().retrieve(id)).getPaymentIntent());
			default -> {
				log.debug("Ignored Stripe event type " + event.getType());
				return false;
			}
		}
		return true;
	}

	private Session session(String id) throws StripeException {
		return this.stripe.v1().checkout().sessions().retrieve(id);
	}

	/**
	 * A charge was refunded, in part or in full: its {@code amount_refunded} counts
	 * pending refunds too and says not which refunds those are, so each refund of the
	 * payment is read from Stripe and applied as it stands. Only the order's own
	 * PaymentIntent finds the order, never the charge's metadata.
	 */
	private void refunded(Charge charge) throws StripeException {
		Optional<Order> order = (charge.getPaymentIntent() != null)
				? this.orders.findFirstByPaymentIntentId(charge.getPaymentIntent()) : Optional.empty();
		if (order.isEmpty()) {
			log.warn("Refund of charge " + charge.getId() + " matches no order's payment; ignored");
			return;
		}
		RefundListParams params = RefundListParams.builder()
			.setPaymentIntent(charge.getPaymentIntent())
			.setLimit(100L)
			.build();
		for (Refund refund : this.stripe.v1().refunds().list(params).autoPagingIterable()) {
			this.refunds.apply(refund);
		}
	}

	/**
	 * The event's object. One rendered for another API version than stripe-java's gives
	 * no object from stripe-java's deserializer, and its fields may mean other things
	 * than ours do (some were renamed, moved or dropped between versions), so it is read
	 * again from Stripe, which answers in stripe-java's version. It is then as Stripe
	 * sees it now rather than when the event happened, which every step can take: each
	 * applies a state, guarded, not a change.
	 */
	private static <T extends StripeObject> T object(Event event, Class<T> type, Retrieve<T> retrieve)
			throws StripeException {
		Optional<StripeObject> object;
		try {
			object = MalformedEventException.reading(() -> event.getDataObjectDeserializer().getObject());
		}
		catch (MalformedEventException ex) {
			throw new UnreadableEventException("its object has a field of the wrong shape (" + ex.getMessage() + ")");
		}
		if (object.isPresent()) {
			if (!type.isInstance(object.get())) {
				throw new UnreadableEventException("it carries a %s, not a %s"
					.formatted(object.get().getClass().getSimpleName(), type.getSimpleName()));
			}
			return type.cast(object.get());
		}
		String id = objectId(event.getDataObjectDeserializer().getRawJson());
		if (id == null) {
			throw new UnreadableEventException("its object has no id to read it again by");
		}
		log.info("Stripe event %s is rendered for API version %s, not %s: %s %s read again from Stripe"
			.formatted(event.getId(), event.getApiVersion(), Stripe.API_VERSION, type.getSimpleName(), id));
		return retrieve.by(id);
	}

	private static String objectId(String rawJson) {
		try {
			JsonElement json = JsonParser.parseString(rawJson);
			JsonElement id = json.isJsonObject() ? ((JsonObject) json).get("id") : null;
			return (id != null && id.isJsonPrimitive()) ? id.getAsString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * What became of an event.
	 */
	public enum Outcome {

		/** Applied to the order it concerns (or to none, if it concerns none of ours). */
		APPLIED,

		/** A type we do not use. */
		IGNORED,

		/** Its object could not be read; logged as an error and recorded with why. */
		REFUSED,

		/** Dealt with before. */
		ALREADY_DONE

	}

	@FunctionalInterface
	private interface Retrieve<T> {

		T by(String id) throws StripeException;

	}

	/**
	 * An event whose object cannot be read.
	 */
	private static final class UnreadableEventException extends RuntimeException {

		UnreadableEventException(String message) {
			super(message);
		}

	}

}
