package com.littlethreads.payment.webhook;

import java.util.Optional;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderRepository;
import com.littlethreads.payment.order.PaymentOutcomes;

/**
 * What each Stripe event type means for an order. Types we do not use are acknowledged
 * and ignored.
 */
@Component
class StripeEvents {

	private static final Log log = LogFactory.getLog(StripeEvents.class);

	private final PaymentOutcomes outcomes;

	private final OrderRepository orders;

	StripeEvents(PaymentOutcomes outcomes, OrderRepository orders) {
		this.outcomes = outcomes;
		this.orders = orders;
	}

	void apply(Event event) {
		switch (event.getType()) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> session(event).ifPresent(
					(session) -> orderId(session).ifPresent((orderId) -> this.outcomes.applySession(orderId, session)));
			case "checkout.session.async_payment_failed" ->
				session(event).flatMap(StripeEvents::orderId).ifPresent(this.outcomes::paymentFailed);
			case "checkout.session.expired" ->
				session(event).flatMap(StripeEvents::orderId).ifPresent(this.outcomes::expired);
			case "charge.refunded" -> object(event, Charge.class).ifPresent(this::refunded);
			default -> log.debug("Ignored Stripe event type " + event.getType());
		}
	}

	private void refunded(Charge charge) {
		String orderId = (charge.getMetadata() != null) ? charge.getMetadata().get("order_id") : null;
		Optional<Order> order = (orderId != null) ? this.orders.findById(orderId) : Optional.empty();
		if (order.isEmpty() && charge.getPaymentIntent() != null) {
			order = this.orders.findFirstByPaymentIntentId(charge.getPaymentIntent());
		}
		if (order.isEmpty()) {
			log.warn("Refund of charge " + charge.getId() + " matches no order; ignored");
			return;
		}
		this.outcomes.refunded(order.get(), (charge.getAmountRefunded() != null) ? charge.getAmountRefunded() : 0);
	}

	private static Optional<Session> session(Event event) {
		return object(event, Session.class);
	}

	/**
	 * The event's object. An event written for another API version than stripe-java's
	 * gives no object from the safe deserializer; its fields we read (ids, status,
	 * amounts, metadata) are stable across versions, so it is read anyway.
	 */
	private static <T extends StripeObject> Optional<T> object(Event event, Class<T> type) {
		StripeObject object = MalformedEventException.reading(() -> event.getDataObjectDeserializer().getObject())
			.orElse(null);
		if (object == null) {
			try {
				object = MalformedEventException.reading(() -> event.getDataObjectDeserializer().deserializeUnsafe());
			}
			catch (EventDataObjectDeserializationException ex) {
				log.error("Stripe event " + event.getId() + " (" + event.getType()
						+ ") has an unreadable object; ignored");
				return Optional.empty();
			}
		}
		if (!type.isInstance(object)) {
			log.error("Stripe event " + event.getId() + " (" + event.getType() + ") carries a "
					+ object.getClass().getSimpleName() + "; ignored");
			return Optional.empty();
		}
		return Optional.of(type.cast(object));
	}

	private static Optional<String> orderId(Session session) {
		String orderId = (session.getMetadata() != null) ? session.getMetadata().get("order_id") : null;
		if (orderId == null) {
			orderId = session.getClientReferenceId();
		}
		if (orderId == null) {
			log.warn("Checkout Session " + session.getId() + " names no order; ignored");
		}
		return Optional.ofNullable(orderId);
	}

}
