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
			case "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.expired" ->
				session(event).ifPresent(this.outcomes::applySession);
			case "checkout.session.async_payment_failed" ->
				session(event).ifPresent(this.outcomes::delayedPaymentFailed);
			case "charge.refunded" -> object(event, Charge.class).ifPresent(this::refunded);
			default -> log.debug("Ignored Stripe event type " + event.getType());
		}
	}

	/**
	 * A refund of the order whose payment the charge is; the charge's metadata is not
	 * trusted to name the order, for the same reason a session's is not.
	 */
	private void refunded(Charge charge) {
		Optional<Order> order = (charge.getPaymentIntent() != null)
				? this.orders.findFirstByPaymentIntentId(charge.getPaymentIntent()) : Optional.empty();
		if (order.isEmpty()) {
			log.warn("Refund of charge " + charge.getId() + " matches no order's payment; ignored");
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
		StripeObject object = event.getDataObjectDeserializer().getObject().orElse(null);
		if (object == null) {
			try {
				object = event.getDataObjectDeserializer().deserializeUnsafe();
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

}
