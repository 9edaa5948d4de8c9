package com.littlethreads.payment.order;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.stripe.model.Refund;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What Stripe says about a refund does to the order whose payment it refunds, whoever
 * learnt it first (a {@code refund.*} or {@code charge.refund.updated} event, Stripe's
 * refund list after {@code charge.refunded}, the events walk). Each refund moves forward
 * only ({@link RefundStatus}), so a late or repeated report changes nothing; the order's
 * refunded amounts and status are computed from all its refunds in the same single
 * document update, made only if no other change to them came in between.
 */
@Component
public class RefundOutcomes {

	private static final Log log = LogFactory.getLog(RefundOutcomes.class);

	private static final int ATTEMPTS = 10;

	private final OrderRepository orders;

	private final MongoTemplate mongo;

	private final Clock clock;

	RefundOutcomes(OrderRepository orders, MongoTemplate mongo, Clock clock) {
		this.orders = orders;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Applies a refund as Stripe reports it now.
	 * @param refund the refund
	 * @return the order it changed, empty when it matches no order's payment or tells
	 * nothing new
	 */
	public Optional<Order> apply(Refund refund) {
		RefundStatus status = RefundStatus.ofStripe(refund.getStatus()).orElse(null);
		if (status == null || refund.getAmount() == null) {
			log.error("Refund " + refund.getId() + " has status " + refund.getStatus() + " and amount "
					+ refund.getAmount() + ", which this version cannot read; ignored");
			return Optional.empty();
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Order order = (refund.getPaymentIntent() != null)
					? this.orders.findFirstByPaymentIntentId(refund.getPaymentIntent()).orElse(null) : null;
			if (order == null) {
				log.warn("Refund " + refund.getId() + " of " + refund.getPaymentIntent()
						+ " matches no order's payment; ignored");
				return Optional.empty();
			}
			Optional<Change> change = change(order, refund, status);
			if (change.isEmpty()) {
				return Optional.empty();
			}
			Order changed = this.mongo.findAndModify(change.get().query(), change.get().update(),
					FindAndModifyOptions.options().returnNew(true), Order.class);
			if (changed != null) {
				log.info("Refund %s of order %s is %s: the order is %s, %d refunded, %d pending".formatted(
						refund.getId(), order.id(), status, changed.status(), changed.amountRefunded(),
						changed.amountRefundPending()));
				if (!status.takesMoney()) {
					log.error("Refund %s of order %s %s (%s): flagged for staff".formatted(refund.getId(), order.id(),
							status.name().toLowerCase(Locale.ROOT), refund.getFailureReason()));
				}
				return Optional.of(changed);
			}
		}
		throw new OptimisticLockingFailureException(
				"Refunds of payment " + refund.getPaymentIntent() + " kept changing; not applied yet");
	}

	private Optional<Change> change(Order order, Refund refund, RefundStatus status) {
		Instant now = this.clock.instant();
		List<OrderRefund> refunds = new ArrayList<>(order.refunds());
		int index = indexOf(refunds, refund.getId());
		if (index >= 0) {
			RefundStatus known = refunds.get(index).status();
			if (known == status || !known.canBecome(status)) {
				// Told before, or an earlier stage reported after a later one.
				return Optional.empty();
			}
		}
		OrderRefund updated = new OrderRefund(refund.getId(), new Money(refund.getAmount(), order.currency()), status,
				refund.getFailureReason(), now);
		if (index >= 0) {
			refunds.set(index, updated);
		}
		else {
			refunds.add(updated);
		}
		long succeeded = sum(refunds, RefundStatus.SUCCEEDED);
		long pending = sum(refunds, RefundStatus.PENDING) + sum(refunds, RefundStatus.REQUIRES_ACTION);
		Update update = new Update().set("refunds", refunds)
			.set("amountRefunded", succeeded)
			.set("amountRefundPending", pending)
			.inc("refundsRevision", 1);
		if (order.status().isPaid()) {
			// One paid while expired or cancelled keeps its status: never PAID.
			update.set("status", OrderStatus.afterRefunds(succeeded, order.total().amount()).name());
		}
		if (succeeded > order.amountRefunded()) {
			update.set("refundedAt", now);
		}
		if (!status.takesMoney()) {
			update.set("needsAttention", true)
				.set("attentionReason", (status == RefundStatus.FAILED) ? "refund-failed" : "refund-canceled");
		}
		Criteria unchanged = Criteria.where("_id").is(order.id()).and("status").is(order.status().name());
		Criteria revision = (order.refundsRevision() == 0)
				? new Criteria().orOperator(Criteria.where("refundsRevision").is(0L),
						Criteria.where("refundsRevision").exists(false))
				: Criteria.where("refundsRevision").is(order.refundsRevision());
		return Optional.of(new Change(Query.query(new Criteria().andOperator(unchanged, revision)), update));
	}

	private static int indexOf(List<OrderRefund> refunds, String refundId) {
		for (int i = 0; i < refunds.size(); i++) {
			if (refunds.get(i).refundId().equals(refundId)) {
				return i;
			}
		}
		return -1;
	}

	private static long sum(List<OrderRefund> refunds, RefundStatus status) {
		return refunds.stream()
			.filter((refund) -> refund.status() == status)
			.mapToLong((refund) -> refund.amount().amount())
			.reduce(0, Math::addExact);
	}

	private record Change(Query query, Update update) {

	}

}
