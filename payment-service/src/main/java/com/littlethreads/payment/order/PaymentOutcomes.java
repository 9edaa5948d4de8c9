package com.littlethreads.payment.order;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

import com.stripe.model.checkout.Session;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.littlethreads.payment.inventory.InsufficientStockException;
import com.littlethreads.payment.inventory.InventoryUnavailableException;
import com.littlethreads.payment.inventory.Reservations;

/**
 * What a payment's outcome does to an order and its stock, whoever learnt it first: a
 * webhook, the reconciliation job, or a shopper's cancel. Each step is a guarded
 * transition, so applying an outcome twice, or after a contradicting one, changes
 * nothing.
 */
@Component
public class PaymentOutcomes {

	private static final Log log = LogFactory.getLog(PaymentOutcomes.class);

	private final Orders orders;

	private final OrderRepository repository;

	private final Reservations reservations;

	private final Clock clock;

	PaymentOutcomes(Orders orders, OrderRepository repository, Reservations reservations, Clock clock) {
		this.orders = orders;
		this.repository = repository;
		this.reservations = reservations;
		this.clock = clock;
	}

	/**
	 * Applies what a Checkout Session says: complete and paid means PAID, expired means
	 * EXPIRED; open, or complete with a delayed payment still pending, changes nothing.
	 * @param orderId the order the session belongs to
	 * @param session the session as Stripe sees it now
	 */
	public void applySession(String orderId, Session session) {
		if ("complete".equals(session.getStatus())) {
			if ("paid".equals(session.getPaymentStatus()) || "no_payment_required".equals(session.getPaymentStatus())) {
				paid(orderId, session.getPaymentIntent());
			}
		}
		else if ("expired".equals(session.getStatus())) {
			expired(orderId);
		}
	}

	/**
	 * OrderPaid: the order becomes PAID and its reservation is committed. Money for an
	 * order no longer awaiting payment (cancelled or expired meanwhile) flags it for a
	 * refund instead.
	 * @param orderId the order
	 * @param paymentIntentId Stripe's PaymentIntent, for refunds
	 * @throws InventoryUnavailableException if the commit's outcome is unknown (the
	 * caller retries: a webhook answers 503, reconciliation tries again later)
	 */
	public void paid(String orderId, String paymentIntentId) {
		Update update = new Update().set("paidAt", this.clock.instant());
		if (paymentIntentId != null) {
			update.set("paymentIntentId", paymentIntentId);
		}
		Optional<Order> moved = this.orders.transition(orderId, OrderStatus.PAID, update);
		Order order = moved.or(() -> this.repository.findById(orderId)).orElse(null);
		if (order == null) {
			log.warn("Payment for unknown order " + orderId + " ignored");
			return;
		}
		if (moved.isEmpty() && !order.status().isPaid()) {
			log.error("Order " + orderId + " was paid while " + order.status() + ": flagged for a refund");
			if (paymentIntentId != null && order.paymentIntentId() == null) {
				this.orders.update(orderId, EnumSet.of(order.status()),
						new Update().set("paymentIntentId", paymentIntentId));
			}
			this.orders.flag(orderId, "paid-while-" + order.status().name().toLowerCase().replace('_', '-'));
			return;
		}
		commitStock(order);
	}

	/**
	 * Commits a paid order's reservation if that has not happened yet. If catalog-service
	 * no longer has the stock (the hold lapsed before the payment arrived), the order is
	 * flagged for staff to refund.
	 * @param order a paid order
	 */
	public void commitStock(Order order) {
		if (order.stockCommitted() || order.needsAttention()) {
			return;
		}
		try {
			this.reservations.commit(order.id());
			this.orders.update(order.id(),
					EnumSet.of(OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED),
					new Update().set("stockCommitted", true));
		}
		catch (InsufficientStockException ex) {
			log.error("Order " + order.id() + " was paid but its stock is gone: flagged for a refund");
			this.orders.flag(order.id(), "stock-unavailable-after-payment");
		}
	}

	/**
	 * A delayed payment failed: PAYMENT_FAILED and the stock goes back.
	 * @param orderId the order
	 */
	public void paymentFailed(String orderId) {
		this.orders
			.transition(orderId, OrderStatus.PAYMENT_FAILED, new Update().set("paymentFailedAt", this.clock.instant()))
			.ifPresent((order) -> release(orderId));
	}

	/**
	 * The session ended unpaid: EXPIRED and the stock goes back.
	 * @param orderId the order
	 */
	public void expired(String orderId) {
		this.orders.transition(orderId, OrderStatus.EXPIRED, new Update().set("expiredAt", this.clock.instant()))
			.ifPresent((order) -> release(orderId));
	}

	/**
	 * The order is cancelled before payment and its stock (if any was held) goes back.
	 * @param orderId the order
	 * @param reason why, see {@link Order#cancelReason()}
	 * @return the cancelled order, or empty if it was no longer awaiting payment
	 */
	public Optional<Order> cancelled(String orderId, String reason) {
		Optional<Order> cancelled = this.orders.transition(orderId, OrderStatus.CANCELLED,
				new Update().set("cancelledAt", this.clock.instant()).set("cancelReason", reason));
		cancelled.ifPresent((order) -> release(orderId));
		return cancelled;
	}

	/**
	 * Stripe has refunded {@code amountRefunded} in total: REFUNDED when that is
	 * everything, PARTIALLY_REFUNDED otherwise. An older, smaller total arriving late
	 * changes nothing.
	 * @param order the order
	 * @param amountRefunded the total refunded so far, in minor units
	 */
	public void refunded(Order order, long amountRefunded) {
		OrderStatus target = (amountRefunded >= order.total().amount()) ? OrderStatus.REFUNDED
				: OrderStatus.PARTIALLY_REFUNDED;
		this.orders.transition(order.id(), target, Criteria.where("amountRefunded").lt(amountRefunded),
				new Update().set("amountRefunded", amountRefunded).set("refundedAt", this.clock.instant()));
	}

	/**
	 * Returns the stock. If catalog-service cannot be reached, its own expiry job returns
	 * the stock when the hold lapses, so the order's change stands.
	 */
	private void release(String orderId) {
		try {
			if (!this.reservations.release(orderId)) {
				log.error("Reservation of " + orderId + " was already committed; not released");
			}
		}
		catch (InventoryUnavailableException ex) {
			log.warn("Could not release the stock of " + orderId + " now; catalog-service releases it when the hold"
					+ " lapses", ex);
		}
	}

}
