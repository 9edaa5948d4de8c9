package com.littlethreads.payment.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sets money aside for a refund before Stripe is asked, and gives it back when Stripe
 * refuses. What may still be refunded is the order's total minus the larger of what was
 * set aside here and what Stripe reports refunded (refunds made in Stripe's dashboard
 * reach us only through the event).
 */
@Component
class RefundLedgers {

	private final MongoTemplate mongo;

	private final Clock clock;

	RefundLedgers(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The amount set aside for an order so far.
	 * @param orderId the order
	 * @return the sum of the refunds asked for and not refused
	 */
	long requested(String orderId) {
		RefundLedger ledger = this.mongo.findById(orderId, RefundLedger.class);
		return (ledger != null) ? ledger.requested() : 0;
	}

	/**
	 * The refund asked for earlier with this key, if any.
	 * @param orderId the order
	 * @param keyHash the hash of the Idempotency-Key
	 * @return the earlier request
	 */
	Optional<RefundLedger.Request> find(String orderId, String keyHash) {
		RefundLedger ledger = this.mongo.findById(orderId, RefundLedger.class);
		if (ledger == null || ledger.requests() == null) {
			return Optional.empty();
		}
		return ledger.requests().stream().filter((request) -> request.keyHash().equals(keyHash)).findFirst();
	}

	/**
	 * Sets {@code amount} aside if, with it, no more than {@code total} is set aside and
	 * the key has not been used on this order.
	 * @param orderId the order
	 * @param total the order's total
	 * @param keyHash the hash of the Idempotency-Key
	 * @param bodyHash the hash of what is asked
	 * @param amount the refund's amount
	 * @return whether it was set aside; if not, another refund took the money or the key
	 * first
	 */
	boolean claim(String orderId, long total, String keyHash, String bodyHash, long amount) {
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(orderId)), new Update().setOnInsert("requested", 0L),
					RefundLedger.class);
		}
		catch (DuplicateKeyException ex) {
			// Another refund created it at the same moment: it exists, which is all we
			// need.
		}
		Query unclaimed = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("requested")
			.lte(total - amount)
			.and("requests.keyHash")
			.ne(keyHash));
		Update claim = new Update().inc("requested", amount)
			.push("requests", new RefundLedger.Request(keyHash, bodyHash, amount, this.clock.instant(), null));
		return this.mongo.updateFirst(unclaimed, claim, RefundLedger.class).getModifiedCount() == 1;
	}

	/**
	 * Records Stripe's refund id for a request.
	 * @param orderId the order
	 * @param keyHash the hash of the Idempotency-Key
	 * @param refundId Stripe's refund id
	 */
	void accepted(String orderId, String keyHash, String refundId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(orderId).and("requests.keyHash").is(keyHash)),
				new Update().set("requests.$.refundId", refundId), RefundLedger.class);
	}

	/**
	 * Gives back the amounts set aside for refunds Stripe reports failed or cancelled, so
	 * that their money may be refunded again. Each is given back once.
	 * @param orderId the order
	 * @param refundIds Stripe's ids of the refunds that did not happen
	 */
	void releaseRefunds(String orderId, Collection<String> refundIds) {
		if (refundIds.isEmpty()) {
			return;
		}
		RefundLedger ledger = this.mongo.findById(orderId, RefundLedger.class);
		if (ledger == null || ledger.requests() == null) {
			return;
		}
		ledger.requests()
			.stream()
			.filter((request) -> request.refundId() != null && refundIds.contains(request.refundId()))
			.forEach((request) -> release(orderId, request));
	}

	/**
	 * Gives back the amount set aside for a request Stripe did not carry out. Releasing
	 * twice changes nothing.
	 * @param orderId the order
	 * @param request the request
	 */
	void release(String orderId, RefundLedger.Request request) {
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(orderId).and("requests.keyHash").is(request.keyHash())),
				new Update().inc("requested", -request.amount())
					.pull("requests", new Document("keyHash", request.keyHash())),
				RefundLedger.class);
	}

}
