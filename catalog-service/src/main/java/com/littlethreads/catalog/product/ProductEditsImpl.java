package com.littlethreads.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.catalog.product.StockHold.Outcome;
import com.littlethreads.catalog.product.StockHold.Purpose;
import com.littlethreads.catalog.product.StockHold.Taken;

class ProductEditsImpl implements ProductEdits {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final MongoTemplate mongo;

	private final Clock clock;

	ProductEditsImpl(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public Product edit(String slug, long expectedVersion, Update update) {
		Criteria product = Criteria.where("slug").is(slug);
		return edit(product, expectedVersion, update, () -> CatalogProblems.productNotFound(slug));
	}

	@Override
	public Product editVariant(String slug, String sku, long expectedVersion, Update update) {
		Criteria variant = Criteria.where("slug").is(slug).and("variants").elemMatch(Criteria.where("sku").is(sku));
		return edit(variant, expectedVersion, update.filterArray(Criteria.where("variant.sku").is(sku)),
				() -> this.mongo.exists(Query.query(Criteria.where("slug").is(slug)), Product.class)
						? CatalogProblems.variantNotFound(slug, sku) : CatalogProblems.productNotFound(slug));
	}

	/**
	 * Applies the update to the target if it is still at the expected version. When
	 * nothing matched, tells a missing target (404) from a newer version (409).
	 */
	private Product edit(Criteria target, long expectedVersion, Update update,
			Supplier<ErrorResponseException> notFound) {
		Query current = Query.query(target).addCriteria(Criteria.where("version").is(expectedVersion));
		update.inc("version", 1).set("updatedAt", this.clock.instant());
		Product edited = this.mongo.findAndModify(current, update, RETURN_NEW, Product.class);
		if (edited != null) {
			return edited;
		}
		if (!this.mongo.exists(Query.query(target), Product.class)) {
			throw notFound.get();
		}
		throw new OptimisticLockingFailureException("The product is no longer at version " + expectedVersion);
	}

	@Override
	public Optional<Product> restock(String slug, String sku, int quantity, int maximumStock) {
		// The guard and the increment address the same element: the $elemMatch picks the
		// product only if that variant passes the guard, and the array filter (by SKU,
		// which
		// is unique) picks the element to change. (The positional "$" would do on
		// MongoDB,
		// but the embedded store cannot resolve "$" from an $elemMatch.)
		Document variant = new Document("slug", slug).append("variants", new Document("$elemMatch",
				new Document("sku", sku).append("stock", new Document("$lte", maximumStock - quantity))));
		return incrementStock(variant, sku, quantity);
	}

	@Override
	public Optional<Product> returnStock(String sku, int quantity) {
		return incrementStock(new Document("variants.sku", sku), sku, quantity);
	}

	@Override
	public Taken takeStock(String orderId, String sku, int quantity, Purpose purpose) {
		String key = StockHold.key(orderId, sku);
		Document enough = new Document("variants",
				new Document("$elemMatch", new Document("sku", sku).append("stock", new Document("$gte", quantity))));
		// The guard covers both the stock and the hold: "holds.key" $ne matches only
		// while no element of holds has this key, so a repeat can never take twice.
		Document guard = new Document(enough).append("holds.key", new Document("$ne", key));
		Document hold = new Document("key", key).append("orderId", orderId)
			.append("sku", sku)
			.append("quantity", quantity)
			.append("at", Date.from(this.clock.instant()))
			.append("purpose", purpose.name())
			.append("reliedOnBy", 1);
		Document same = new Document("holds", new Document("$elemMatch",
				new Document("key", key).append("quantity", quantity).append("purpose", purpose.name())));
		// Each round either takes, joins the hold or finds why neither is possible; a
		// round only repeats when a racing call added or removed the hold in between.
		while (true) {
			Optional<Product> taken = changeStock(guard, sku, -quantity,
					new Document("$push", new Document("holds", hold)));
			if (taken.isPresent()) {
				return new Taken(Outcome.TAKEN, taken.get());
			}
			// Found it already held the same way: this call relies on it too, so that a
			// call letting go of it cannot give it back under this one (see withdraw).
			if (products().updateOne(same, relianceChange(1), theHold(key)).getMatchedCount() > 0) {
				return new Taken(Outcome.ALREADY_HELD, null);
			}
			Optional<StockHold> existing = hold(key);
			if (existing.isPresent()) {
				if (existing.get().quantity() != quantity || existing.get().purpose() != purpose) {
					return new Taken(Outcome.HELD_OTHERWISE, null);
				}
			}
			else if (!exists(enough)) {
				return new Taken(Outcome.SHORT, null);
			}
		}
	}

	@Override
	public Optional<Product> giveBack(String orderId, String sku, Purpose purpose) {
		return heldQuantity(orderId, sku, purpose).flatMap((quantity) -> giveBack(orderId, sku, purpose, quantity,
				new Document("key", StockHold.key(orderId, sku)).append("purpose", purpose.name())));
	}

	@Override
	public Optional<Product> withdraw(String orderId, String sku, Purpose purpose) {
		String key = StockHold.key(orderId, sku);
		while (true) {
			Optional<Integer> quantity = heldQuantity(orderId, sku, purpose);
			if (quantity.isEmpty()) {
				return Optional.empty();
			}
			Document others = new Document("key", key).append("purpose", purpose.name())
				.append("reliedOnBy", new Document("$gt", 1));
			if (products()
				.updateOne(new Document("holds", new Document("$elemMatch", others)), relianceChange(-1), theHold(key))
				.getModifiedCount() > 0) {
				return Optional.empty();
			}
			Optional<Product> givenBack = giveBack(orderId, sku, purpose, quantity.get(),
					new Document("key", key).append("purpose", purpose.name()).append("reliedOnBy", 1));
			if (givenBack.isPresent()) {
				return givenBack;
			}
			// The count changed, or the hold went, in between: look again.
		}
	}

	private Optional<Integer> heldQuantity(String orderId, String sku, Purpose purpose) {
		return hold(StockHold.key(orderId, sku)).filter((held) -> held.purpose() == purpose).map(StockHold::quantity);
	}

	/**
	 * The hold with this key, on whichever product has it (a SKU is on one product only).
	 */
	private Optional<StockHold> hold(String key) {
		return holds(new Document("holds.key", key)).stream()
			.filter((candidate) -> candidate.key().equals(key))
			.findFirst();
	}

	/**
	 * Adds the hold's units back to the stock and removes the hold, guarded by the hold
	 * as read (quantity included) so that of any number of racing callers exactly one
	 * matches.
	 */
	private Optional<Product> giveBack(String orderId, String sku, Purpose purpose, int quantity, Document asRead) {
		Document guard = new Document("holds", new Document("$elemMatch", asRead.append("quantity", quantity)));
		Document hold = new Document("key", StockHold.key(orderId, sku)).append("purpose", purpose.name());
		return changeStock(guard, sku, quantity, new Document("$pull", new Document("holds", hold)));
	}

	private static Document relianceChange(int by) {
		return new Document("$inc", new Document("holds.$[hold].reliedOnBy", by));
	}

	private static UpdateOptions theHold(String key) {
		return new UpdateOptions().arrayFilters(List.of(new Document("hold.key", key)));
	}

	@Override
	public boolean settle(String orderId, String sku) {
		String key = StockHold.key(orderId, sku);
		return products()
			.updateOne(new Document("holds.key", key),
					new Document("$pull", new Document("holds", new Document("key", key))))
			.getModifiedCount() > 0;
	}

	@Override
	public List<StockHold> holdsTakenBefore(Instant cutoff) {
		Date before = Date.from(cutoff);
		return holds(new Document("holds", new Document("$elemMatch", new Document("at", new Document("$lt", before)))))
			.stream()
			.filter((hold) -> hold.at().isBefore(cutoff))
			.toList();
	}

	private boolean exists(Document filter) {
		return products().find(filter).projection(Projections.include("_id")).first() != null;
	}

	private List<StockHold> holds(Document filter) {
		List<StockHold> holds = new ArrayList<>();
		for (Document product : products().find(filter).projection(Projections.include("holds"))) {
			for (Document hold : product.getList("holds", Document.class, List.of())) {
				holds.add(new StockHold(hold.getString("orderId"), hold.getString("sku"), hold.getInteger("quantity"),
						hold.getDate("at").toInstant(), Purpose.valueOf(hold.getString("purpose"))));
			}
		}
		return holds;
	}

	private Optional<Product> incrementStock(Document target, String sku, int quantity) {
		return changeStock(target, sku, quantity, new Document());
	}

	/**
	 * Changes one variant's stock, together with {@code also} (the hold that explains the
	 * change), in one update of the target product.
	 */
	private Optional<Product> changeStock(Document target, String sku, int quantity, Document also) {
		Document increment = new Document("$inc", new Document("variants.$[variant].stock", quantity)).append("$set",
				new Document("updatedAt", Date.from(this.clock.instant())));
		increment.putAll(also);
		FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
			.arrayFilters(List.of(new Document("variant.sku", sku)))
			.returnDocument(ReturnDocument.AFTER);
		// Written on the collection, not through the entity, because Spring Data would
		// also bump the version: stock is not what an editor's version protects, and a
		// restock (or a sale) must not make an admin's open edit fail.
		Document changed = products().findOneAndUpdate(target, increment, options);
		return Optional.ofNullable(changed).map((document) -> this.mongo.getConverter().read(Product.class, document));
	}

	private MongoCollection<Document> products() {
		return this.mongo.getCollection(this.mongo.getCollectionName(Product.class));
	}

}
