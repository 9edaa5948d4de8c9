package com.littlethreads.payment.webhook;

import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundListParams;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderRepository;
import com.littlethreads.payment.order.PaymentOutcomes;
import com.littlethreads.payment.order.RefundOutcomes;

/**
 * What each Stripe event type means for an order. Types we do not use are acknowledged
 * and ignored.
 */
@Component
class StripeEvents {

	private static final Log log = LogFactory.getLog(StripeEvents.class);

	private final PaymentOutcomes outcomes;

	private final RefundOutcomes refunds;

	private final OrderRepository orders;

	private final StripeClient stripe;

	StripeEvents(PaymentOutcomes outcomes, RefundOutcomes refunds, OrderRepository orders, StripeClient stripe) {
		this.outcomes = outcomes;
		this.refunds = refunds;
		this.orders = orders;
		this.stripe = stripe;
	}

	void apply(Event event) throws StripeException {
		switch (event.getType()) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.expired" ->
				session(event).ifPresent(this.outcomes::applySession);
			case "checkout.session.async_payment_failed" ->
				session(event).ifPresent(this.outcomes::delayedPaymentFailed);
			case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
				object(event, Refund.class).ifPresent(this.refunds::apply);
			case "charge.refunded" -> {
				Optional<Charge> charge = object(event, Charge.class);
				if (charge.isPresent()) {
					refunded(charge.get());
				}
			}
			default -> log.debug("Ignored Stripe event type " + event.getType());
		}
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
