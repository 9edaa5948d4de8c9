package com.littlethreads.payment.reconciliation;

import java.time.Clock;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderRepository;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.payment.order.PaymentOutcomes;

/**
 * Applies the Stripe events no webhook brought (see {@link EventRecovery}), then asks
 * Stripe about every order still awaiting payment after its session should have ended and
 * applies what Stripe says: paid becomes PAID (stock committed), expired becomes EXPIRED
 * (stock released), a session Stripe still holds open past its expiry is expired first.
 * One order's failure does not stop the others; it is tried again next run.
 */
@Component
public class Reconciliation {

	private static final Log log = LogFactory.getLog(Reconciliation.class);

	private final OrderRepository orders;

	private final PaymentOutcomes outcomes;

	private final StripeClient stripe;

	private final Clock clock;

	private final EventRecovery events;

	Reconciliation(OrderRepository orders, PaymentOutcomes outcomes, StripeClient stripe, EventRecovery events,
			Clock clock) {
		this.orders = orders;
		this.events = events;
		this.outcomes = outcomes;
		this.stripe = stripe;
		this.clock = clock;
	}

	/**
	 * One pass.
	 * @return how many events and orders were looked at
	 */
	public int reconcile() {
		int checked = 0;
		try {
			checked += this.events.walk();
		}
		catch (StripeException | RuntimeException ex) {
			log.warn("Could not list Stripe's events; trying again next run", ex);
		}
		for (Order order : this.orders.findByStatusAndSessionExpiresAtBefore(OrderStatus.PENDING_PAYMENT,
				this.clock.instant())) {
			checked++;
			try {
				reconcile(order);
			}
			catch (StripeException | RuntimeException ex) {
				log.warn("Could not reconcile order " + order.id() + "; trying again next run", ex);
			}
		}
		for (Order order : this.orders.findByStatusAndStockCommittedFalseAndNeedsAttentionFalse(OrderStatus.PAID)) {
			checked++;
			try {
				this.outcomes.commitStock(order);
			}
			catch (RuntimeException ex) {
				log.warn("Could not commit the stock of paid order " + order.id() + "; trying again next run", ex);
			}
		}
		return checked;
	}

	private void reconcile(Order order) throws StripeException {
		if (order.sessionId() == null) {
			// Checkout stopped before Stripe answered; any session it may have opened has
			// ended by now, and a payment arriving for it is flagged for a refund.
			this.outcomes.expired(order.id());
			return;
		}
		if (order.unmatchedPayments().stream().anyMatch((payment) -> order.sessionId().equals(payment.sessionId()))) {
			// Its own session was paid for another amount: staff settle it, asking Stripe
			// again every run would only record it again.
			return;
		}
		Session session = this.stripe.v1().checkout().sessions().retrieve(order.sessionId());
		if ("open".equals(session.getStatus())) {
			try {
				session = this.stripe.v1()
					.checkout()
					.sessions()
					.expire(order.sessionId(),
							RequestOptions.builder().setIdempotencyKey("expire-" + order.id()).build());
			}
			catch (InvalidRequestException ex) {
				// Completed in the meantime: read what happened.
				session = this.stripe.v1().checkout().sessions().retrieve(order.sessionId());
			}
		}
		this.outcomes.applySession(session);
	}

}
