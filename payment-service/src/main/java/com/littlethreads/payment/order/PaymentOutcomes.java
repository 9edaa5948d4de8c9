package com.littlethreads.payment.order;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

import com.stripe.model.checkout.Session;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import com.littlethreads.payment.catalog.CatalogClient;
import com.littlethreads.payment.catalog.InsufficientStockException;
import com.littlethreads.payment.catalog.ReservationCommittedException;

/**
 * What a payment's outcome does to an order and its stock, whoever learnt it first: a
 * webhook, the reconciliation job, or a shopper's cancel. Each step is a guarded
 * transition, so applying an outcome twice, or after a contradicting one, changes
 * nothing.
 */
@Component
public class PaymentOutcomes {

	private static final Log log = LogFactory.getLog(PaymentOutcomes.class);

	/** The {@link Order#cancelReason()} of a cancel the shopper asked for. */
	public static final String SHOPPER = "shopper";

	private final Orders orders;

	private final OrderRepository repository;

	private final CatalogClient catalog;

	private final Clock clock;

	PaymentOutcomes(Orders orders, OrderRepository repository, CatalogClient catalog, Clock clock) {
		this.orders = orders;
		this.repository = repository;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Applies what a Checkout Session says to the order it belongs to: complete and paid
	 * means PAID, expired means EXPIRED; open, or complete with a delayed payment still
	 * pending, changes nothing. The order is the one whose own session this is, found by
	 * the session id, never by what the session names: any Checkout Session on the
	 * account (a Payment Link, another integration) can name any order in its
	 * {@code client_reference_id} or metadata. Such a session's payment, or the order's
	 * own session paid for another amount or currency, is recorded on the order it names
	 * and flagged for staff; it confirms nothing and commits no stock.
	 * @param session the session as Stripe sees it now
	 */
	public void applySession(Session session) {
		Order order = this.repository.findFirstBySessionId(session.getId()).orElse(null);
		boolean paid = "complete".equals(session.getStatus()) && ("paid".equals(session.getPaymentStatus())
				|| "no_payment_required".equals(session.getPaymentStatus()));
		if (order == null) {
			notTheOrdersSession(session, paid);
			return;
		}
		if (paid) {
			if (!order.isPaidInFullBy(session.getId(), session.getAmountTotal(), session.getCurrency())) {
				unmatched(order.id(), session, UnmatchedPayment.AMOUNT_OR_CURRENCY_DIFFERS);
				return;
			}
			paid(order.id(), session.getPaymentIntent());
		}
		else if ("complete".equals(session.getStatus())) {
			// Checkout offers cards only, so a payment still pending is a method we
			// never asked for; its outcome event decides, the hold lapsing meanwhile.
			log.warn("Checkout Session " + session.getId() + " of order " + order.id()
					+ " completed with its payment still pending");
		}
		else if ("expired".equals(session.getStatus())) {
			expired(order.id());
		}
	}

	/**
	 * A delayed payment of a Checkout Session failed: its order, if the session is the
	 * order's own, becomes PAYMENT_FAILED and its stock goes back.
	 * @param session the session
	 */
	public void delayedPaymentFailed(Session session) {
		this.repository.findFirstBySessionId(session.getId())
			.ifPresentOrElse((order) -> paymentFailed(order.id()), () -> log.info("Failed payment of Checkout Session "
					+ session.getId() + ", which is no order's own session; ignored"));
	}

	private void notTheOrdersSession(Session session, boolean paid) {
		String named = namedOrder(session);
		if (!paid) {
			log.info("Checkout Session " + session.getId() + " (" + session.getStatus() + ") is no order's own session"
					+ ((named != null) ? ", although it names " + named : "") + "; ignored");
			return;
		}
		if (named == null || this.repository.findById(named).isEmpty()) {
			log.error("Checkout Session " + session.getId() + " was paid but belongs to no order"
					+ ((named != null) ? " (it names unknown order " + named + ")" : "") + ": nothing to record it on");
			return;
		}
		unmatched(named, session, UnmatchedPayment.NOT_THE_ORDERS_SESSION);
	}

	private void unmatched(String orderId, Session session, String reason) {
		String currency = (session.getCurrency() != null) ? session.getCurrency().toUpperCase(Locale.ROOT) : null;
		long amount = (session.getAmountTotal() != null) ? session.getAmountTotal() : 0;
		UnmatchedPayment payment = new UnmatchedPayment(session.getId(), session.getPaymentIntent(),
				new Money(amount, currency), reason, this.clock.instant());
		if (this.orders.recordUnmatched(orderId, payment)) {
			log.error(
					"Checkout Session %s paid %d %s naming order %s but does not pay for it (%s): recorded and flagged"
						.formatted(session.getId(), amount, currency, orderId, reason));
		}
	}

	private static String namedOrder(Session session) {
		String orderId = (session.getMetadata() != null) ? session.getMetadata().get("order_id") : null;
		return (orderId != null && !orderId.isEmpty()) ? orderId : emptyToNull(session.getClientReferenceId());
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * OrderPaid: the order becomes PAID and its reservation is committed. Money for an
	 * order no longer awaiting payment (cancelled or expired meanwhile) flags it for a
	 * refund instead.
	 * @param orderId the order
	 * @param paymentIntentId Stripe's PaymentIntent, for refunds
	 * @throws RestClientException if the commit's outcome is unknown (the caller retries:
	 * a webhook answers 503, reconciliation tries again later)
	 */
	private void paid(String orderId, String paymentIntentId) {
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
			this.catalog.commit(order.id());
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
	 * The shopper's bank disputes the payment: the money is held back from the shop until
	 * staff answer the dispute in Stripe's dashboard, so the order is flagged.
	 * @param paymentIntentId the disputed payment
	 */
	public void disputed(String paymentIntentId) {
		Optional<Order> order = (paymentIntentId != null) ? this.repository.findFirstByPaymentIntentId(paymentIntentId)
				: Optional.empty();
		if (order.isEmpty()) {
			log.warn("Dispute of payment " + paymentIntentId + " matches no order's payment; ignored");
			return;
		}
		log.error("Payment of order " + order.get().id() + " is disputed: flagged for staff");
		this.orders.flag(order.get().id(), "disputed");
	}

	/**
	 * A delayed payment failed: PAYMENT_FAILED and the stock goes back.
	 * @param orderId the order
	 */
	private void paymentFailed(String orderId) {
		this.orders
			.transition(orderId, OrderStatus.PAYMENT_FAILED, new Update().set("paymentFailedAt", this.clock.instant()))
			.ifPresent((order) -> release(orderId));
	}

	/**
	 * The session ended unpaid: EXPIRED and the stock goes back; CANCELLED instead when
	 * the shopper had asked to cancel, because Stripe's news of the session's end (its
	 * {@code checkout.session.expired} event, or reconciliation) can arrive before the
	 * cancel request itself records the outcome.
	 * @param orderId the order
	 */
	public void expired(String orderId) {
		Instant now = this.clock.instant();
		this.orders
			.transition(orderId, OrderStatus.CANCELLED, Criteria.where("cancelRequestedAt").exists(true),
					new Update().set("cancelledAt", now).set("cancelReason", SHOPPER))
			.or(() -> this.orders.transition(orderId, OrderStatus.EXPIRED, new Update().set("expiredAt", now)))
			.ifPresent((order) -> release(orderId));
	}

	/**
	 * Records that the shopper asked to cancel an order awaiting payment, before its
	 * session is ended: from then on the session's end makes the order CANCELLED.
	 * @param orderId the order
	 */
	public void cancelRequested(String orderId) {
		this.orders.update(orderId, EnumSet.of(OrderStatus.PENDING_PAYMENT),
				new Update().set("cancelRequestedAt", this.clock.instant()));
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
	 * Returns the stock. If catalog-service cannot be reached, its own expiry job returns
	 * the stock when the hold lapses, so the order's change stands.
	 */
	private void release(String orderId) {
		try {
			this.catalog.release(orderId);
		}
		catch (ReservationCommittedException ex) {
			log.error("Reservation of " + orderId + " was already committed; not released");
		}
		catch (HttpClientErrorException.NotFound ex) {
			// Never reserved (its reservation failed): nothing is held.
		}
		catch (RestClientException ex) {
			log.warn("Could not release the stock of " + orderId + " now; catalog-service releases it when the hold"
					+ " lapses", ex);
		}
	}

}
