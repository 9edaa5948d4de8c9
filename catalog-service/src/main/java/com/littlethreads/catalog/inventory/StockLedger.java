package com.littlethreads.catalog.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import com.littlethreads.catalog.inventory.StockHold.Outcome;
import com.littlethreads.catalog.inventory.StockHold.Purpose;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.StockChanged;
import com.littlethreads.catalog.product.Variant;

/**
 * Every change to a variant's stock, and the holds that explain them. Stock lives in each
 * variant of the product document and holds in the document's {@code holds} field, which
 * only this class reads or writes; each change is one atomic update of one document,
 * found by its id (the SKU's unique index names the product first), with a guard that
 * makes it apply exactly once however many callers race, and never below zero.
 * <p>
 * A change that moves stock is announced ({@link StockChanged}) once stored, so the
 * in-memory catalog updates that product's availability. Holds are never shown, so
 * changes to them alone are not announced. Stock moves leave the product's
 * {@code version} (an editor's guard) and {@code updatedAt} (when its details changed)
 * alone, and count in its {@code rev}.
 */
@Component
class StockLedger implements InitializingBean {

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StockLedger(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The repair job's query (products with a hold that lapsed before a cutoff) needs its
	 * own indexes; they are this package's, like the field. {@code holds_at} answers the
	 * query's clause for holds written before they had an {@code until}.
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(Product.class)
			.createIndex(new Index().on("holds.until", Sort.Direction.ASC).sparse().named("holds_until"));
		this.mongo.indexOps(Product.class)
			.createIndex(new Index().on("holds.at", Sort.Direction.ASC).sparse().named("holds_at"));
	}

	/**
	 * Adds received units to one variant's stock in one atomic increment.
	 * @param slug the product
	 * @param sku the variant
	 * @param quantity the units received
	 * @return the product as changed, or empty if the product has no such variant or the
	 * stock would exceed {@link Variant#MAXIMUM_STOCK}
	 */
	Optional<Product> restock(String slug, String sku, int quantity) {
		return product(sku).filter((product) -> product.slug().equals(slug)).flatMap((product) -> {
			// The guard and the increment address the same element: the $elemMatch picks
			// the product only if that variant passes the guard, and the array filter (by
			// SKU, which is unique) picks the element to change.
			Document room = product.filter()
				.append("variants", new Document("$elemMatch", new Document("sku", sku).append("stock",
						new Document("$lte", Variant.MAXIMUM_STOCK - quantity))));
			return changeStock(room, product, sku, quantity, new Document());
		}).map(this::read);
	}

	/**
	 * Takes {@code quantity} units of one variant's stock and records the hold on the
	 * product in the same atomic update: the stock never goes below zero, and an order
	 * holds a variant at most once. The hold counts the calls relying on it: the one that
	 * took it, and each that finds it already there (see {@link #withdraw}).
	 * @param orderId the order the units are for
	 * @param sku the variant
	 * @param quantity the units to take
	 * @param until when the hold lapses if nothing else ends it (see {@link StockHold})
	 * @param purpose why they are taken
	 * @return what happened
	 */
	Outcome takeStock(String orderId, String sku, int quantity, Instant until, Purpose purpose) {
		Optional<HoldingProduct> found = product(sku);
		if (found.isEmpty()) {
			return Outcome.SHORT;
		}
		HoldingProduct product = found.get();
		String key = StockHold.key(orderId, sku);
		Document enough = product.filter()
			.append("variants", new Document("$elemMatch",
					new Document("sku", sku).append("stock", new Document("$gte", quantity))));
		// The guard covers both the stock and the hold: "holds.key" $ne matches only
		// while no element of holds has this key, so a repeat can never take twice.
		Document guard = new Document(enough).append("holds.key", new Document("$ne", key));
		Document hold = new Document("key", key).append("orderId", orderId)
			.append("sku", sku)
			.append("quantity", quantity)
			.append("at", Date.from(this.clock.instant()))
			.append("until", Date.from(until))
			.append("purpose", purpose.name())
			.append("reliedOnBy", 1);
		Document same = product.filter()
			.append("holds", new Document("$elemMatch",
					new Document("key", key).append("quantity", quantity).append("purpose", purpose.name())));
		// Each round either takes, joins the hold or finds why neither is possible; a
		// round only repeats when a racing call added or removed the hold in between.
		while (true) {
			if (changeStock(guard, product, sku, -quantity, new Document("$push", new Document("holds", hold)))
				.isPresent()) {
				return Outcome.TAKEN;
			}
			// Found it already held the same way: this call relies on it too, so that a
			// call letting go of it cannot give it back under this one (see withdraw).
			if (products().updateOne(same, relianceChange(1), theHold(key)).getMatchedCount() > 0) {
				return Outcome.ALREADY_HELD;
			}
			Optional<StockHold> existing = hold(product, key);
			if (existing.isPresent()) {
				if (existing.get().quantity() != quantity || existing.get().purpose() != purpose) {
					return Outcome.HELD_OTHERWISE;
				}
			}
			else if (!exists(enough)) {
				return Outcome.SHORT;
			}
		}
	}

	/**
	 * Puts the units of the order's hold on the variant back into its stock and removes
	 * the hold, in one atomic update guarded by the hold: exactly once, however many
	 * callers race.
	 * @param orderId the order
	 * @param sku the variant
	 * @param purpose the purpose the hold was taken for
	 * @return whether the stock went back (false: no such hold, already given back or
	 * settled)
	 */
	boolean giveBack(String orderId, String sku, Purpose purpose) {
		return product(sku)
			.flatMap((product) -> heldQuantity(product, orderId, sku, purpose)
				.flatMap((quantity) -> giveBack(product, orderId, sku, purpose, quantity,
						new Document("key", StockHold.key(orderId, sku)).append("purpose", purpose.name()))))
			.isPresent();
	}

	/**
	 * Drops one call's reliance on the order's hold, for a call that took it or found it
	 * held and cannot use it after all (another line was short, or a racing commit won):
	 * the last call to let go gives the stock back, as {@link #giveBack} does; while
	 * another call still relies on the hold (it may go on to record a reservation, or
	 * settle a commit) it stays. A call that dies never lets go; the repair job settles
	 * such holds by their reservation's status.
	 * @param orderId the order
	 * @param sku the variant
	 * @param purpose the purpose the hold was taken for
	 * @return whether the stock went back
	 */
	boolean withdraw(String orderId, String sku, Purpose purpose) {
		Optional<HoldingProduct> found = product(sku);
		if (found.isEmpty()) {
			return false;
		}
		HoldingProduct product = found.get();
		String key = StockHold.key(orderId, sku);
		while (true) {
			Optional<Integer> quantity = heldQuantity(product, orderId, sku, purpose);
			if (quantity.isEmpty()) {
				return false;
			}
			Document others = new Document("key", key).append("purpose", purpose.name())
				.append("reliedOnBy", new Document("$gt", 1));
			if (products()
				.updateOne(product.filter().append("holds", new Document("$elemMatch", others)), relianceChange(-1),
						theHold(key))
				.getModifiedCount() > 0) {
				return false;
			}
			if (giveBack(product, orderId, sku, purpose, quantity.get(),
					new Document("key", key).append("purpose", purpose.name()).append("reliedOnBy", 1))
				.isPresent()) {
				return true;
			}
			// The count changed, or the hold went, in between: look again.
		}
	}

	/**
	 * Removes the order's hold on the variant and leaves the stock as it is: the units
	 * are sold.
	 * @param orderId the order
	 * @param sku the variant
	 * @return whether there was a hold to remove
	 */
	boolean settle(String orderId, String sku) {
		String key = StockHold.key(orderId, sku);
		return product(sku)
			.map((product) -> products().updateOne(product.filter().append("holds.key", key),
					new Document("$pull", new Document("holds", new Document("key", key))))
				.getModifiedCount() > 0)
			.orElse(false);
	}

	/**
	 * Every hold that lapsed before {@code cutoff} ({@link StockHold#until}; a hold
	 * without one lapsed when it was taken). The holds of live reservations have not
	 * lapsed, so at any time this finds next to nothing: only what a crash left, and
	 * holds the expiry job is about to return. It reads no more than the products holding
	 * those.
	 * @param cutoff the time
	 * @return the holds
	 */
	List<StockHold> holdsLapsedBefore(Instant cutoff) {
		Document before = new Document("$lt", Date.from(cutoff));
		Document lapsed = new Document("holds", new Document("$elemMatch", new Document("until", before)));
		Document lapsedUnmarked = new Document("holds",
				new Document("$elemMatch", new Document("until", new Document("$exists", false)).append("at", before)));
		return holds(new Document("$or", List.of(lapsed, lapsedUnmarked))).stream()
			.filter((hold) -> hold.until().isBefore(cutoff))
			.toList();
	}

	private Optional<Integer> heldQuantity(HoldingProduct product, String orderId, String sku, Purpose purpose) {
		return hold(product, StockHold.key(orderId, sku)).filter((held) -> held.purpose() == purpose)
			.map(StockHold::quantity);
	}

	private Optional<StockHold> hold(HoldingProduct product, String key) {
		return holds(product.filter().append("holds.key", key)).stream()
			.filter((candidate) -> candidate.key().equals(key))
			.findFirst();
	}

	/**
	 * Adds the hold's units back to the stock and removes the hold, guarded by the hold
	 * as read (quantity included) so that of any number of racing callers exactly one
	 * matches.
	 */
	private Optional<Document> giveBack(HoldingProduct product, String orderId, String sku, Purpose purpose,
			int quantity, Document asRead) {
		Document guard = product.filter()
			.append("holds", new Document("$elemMatch", asRead.append("quantity", quantity)));
		Document hold = new Document("key", StockHold.key(orderId, sku)).append("purpose", purpose.name());
		return changeStock(guard, product, sku, quantity, new Document("$pull", new Document("holds", hold)));
	}

	private static Document relianceChange(int by) {
		return new Document("$inc", new Document("holds.$[hold].reliedOnBy", by));
	}

	private static UpdateOptions theHold(String key) {
		return new UpdateOptions().arrayFilters(List.of(new Document("hold.key", key)));
	}

	private boolean exists(Document filter) {
		return products().find(filter).projection(Projections.include("_id")).first() != null;
	}

	private List<StockHold> holds(Document filter) {
		List<StockHold> holds = new ArrayList<>();
		for (Document product : products().find(filter).projection(Projections.include("holds"))) {
			for (Document hold : product.getList("holds", Document.class, List.of())) {
				Instant at = hold.getDate("at").toInstant();
				Date until = hold.getDate("until");
				holds.add(new StockHold(hold.getString("orderId"), hold.getString("sku"), hold.getInteger("quantity"),
						at, (until != null) ? until.toInstant() : at, Purpose.valueOf(hold.getString("purpose"))));
			}
		}
		return holds;
	}

	/**
	 * Changes one variant's stock, together with {@code also} (the hold that explains the
	 * change), in one update of the target product, and announces it.
	 * @return the product as changed, or empty if the target did not match
	 */
	private Optional<Document> changeStock(Document target, HoldingProduct product, String sku, int quantity,
			Document also) {
		// Written on the collection, not through the entity, because Spring Data would
		// also bump the version: stock is not what an editor's version protects, and a
		// restock (or a sale) must not make an admin's open edit fail.
		Document change = new Document("$inc", new Document("variants.$[variant].stock", quantity).append("rev", 1L));
		change.putAll(also);
		FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
			.arrayFilters(List.of(new Document("variant.sku", sku)))
			.returnDocument(ReturnDocument.AFTER);
		Optional<Document> changed = Optional.ofNullable(products().findOneAndUpdate(target, change, options));
		changed.ifPresent((document) -> this.events.publishEvent(new StockChanged(product.slug(), sku)));
		return changed;
	}

	private Product read(Document document) {
		return this.mongo.getConverter().read(Product.class, document);
	}

	/**
	 * The product a SKU belongs to, by the SKU's unique index. SKUs never move between
	 * products, so every update after this names the product by its id, the cheapest
	 * lookup any store has.
	 */
	private Optional<HoldingProduct> product(String sku) {
		Document found = products().find(new Document("variants.sku", sku))
			.projection(Projections.include("_id", "slug"))
			.first();
		return Optional.ofNullable(found)
			.map((product) -> new HoldingProduct(product.get("_id"), product.getString("slug")));
	}

	private MongoCollection<Document> products() {
		return this.mongo.getCollection(this.mongo.getCollectionName(Product.class));
	}

	/**
	 * The product holding a variant.
	 *
	 * @param id its document id
	 * @param slug its slug
	 */
	private record HoldingProduct(Object id, String slug) {

		/**
		 * A new filter naming this product, to add the guard to.
		 */
		Document filter() {
			return new Document("_id", this.id);
		}

	}

}
