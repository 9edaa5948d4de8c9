package com.littlethreads.payment.order;

import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every change to a stored order: single-document atomic updates guarded by the order's
 * current status, so two racing writers (webhook, reconciliation, shopper) cannot both
 * win and no late event moves an order backwards.
 */
@Component
public class Orders {

	private final MongoTemplate mongo;

	Orders(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Moves the order to {@code to} if its current status allows it.
	 * @param id the order id
	 * @param to the new status
	 * @param also further fields to set in the same update
	 * @return the changed order, or empty when the order is missing or in a status that
	 * may not move to {@code to}
	 */
	public Optional<Order> transition(String id, OrderStatus to, Update also) {
		return transition(id, to, null, also);
	}

	/**
	 * Moves the order to {@code to} if its current status allows it and it matches a
	 * further condition.
	 * @param id the order id
	 * @param to the new status
	 * @param guard a further condition on the stored order, or {@code null}
	 * @param also further fields to set in the same update
	 * @return the changed order, or empty
	 */
	public Optional<Order> transition(String id, OrderStatus to, Criteria guard, Update also) {
		Criteria criteria = Criteria.where("_id")
			.is(id)
			.and("status")
			.in(to.allowedFrom().stream().map(Enum::name).toList());
		Query query = Query.query((guard != null) ? new Criteria().andOperator(criteria, guard) : criteria);
		Update update = (also != null) ? also : new Update();
		update.set("status", to.name());
		return Optional.ofNullable(
				this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Order.class));
	}

	/**
	 * Sets fields of an order that is in one of the given statuses.
	 * @param id the order id
	 * @param in the statuses it must be in
	 * @param update what to set
	 * @return the changed order, or empty
	 */
	public Optional<Order> update(String id, java.util.Collection<OrderStatus> in, Update update) {
		Query query = Query.query(Criteria.where("_id").is(id).and("status").in(in.stream().map(Enum::name).toList()));
		return Optional.ofNullable(
				this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Order.class));
	}

	/**
	 * Flags an order for staff, whatever its status.
	 * @param id the order id
	 * @param reason why
	 */
	public void flag(String id, String reason) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("needsAttention", true).set("attentionReason", reason), Order.class);
	}

	/**
	 * Records a payment that named the order but did not pay for it, and flags the order
	 * for staff; once per Checkout Session however often Stripe tells us.
	 * @param id the order id
	 * @param payment what was paid
	 * @return whether it was recorded now (not before)
	 */
	public boolean recordUnmatched(String id, UnmatchedPayment payment) {
		Query notYet = Query
			.query(Criteria.where("_id").is(id).and("unmatchedPayments.sessionId").ne(payment.sessionId()));
		Update update = new Update().push("unmatchedPayments", payment)
			.set("needsAttention", true)
			.set("attentionReason", "payment-not-matching");
		return this.mongo.updateFirst(notYet, update, Order.class).getModifiedCount() == 1;
	}

	public Order insert(Order order) {
		return this.mongo.insert(order);
	}

}
