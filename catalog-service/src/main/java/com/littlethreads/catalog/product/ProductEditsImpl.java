package com.littlethreads.catalog.product;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.ErrorResponseException;

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
	public Optional<Product> takeStock(String sku, int quantity) {
		// Same technique as restock: the guard and the decrement address one element.
		Document variant = new Document("variants",
				new Document("$elemMatch", new Document("sku", sku).append("stock", new Document("$gte", quantity))));
		return incrementStock(variant, sku, -quantity);
	}

	@Override
	public Optional<Product> returnStock(String sku, int quantity) {
		return incrementStock(new Document("variants.sku", sku), sku, quantity);
	}

	private Optional<Product> incrementStock(Document target, String sku, int quantity) {
		Document increment = new Document("$inc", new Document("variants.$[variant].stock", quantity)).append("$set",
				new Document("updatedAt", Date.from(this.clock.instant())));
		FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
			.arrayFilters(List.of(new Document("variant.sku", sku)))
			.returnDocument(ReturnDocument.AFTER);
		// Written on the collection, not through the entity, because Spring Data would
		// also bump the version: stock is not what an editor's version protects, and a
		// restock (or a sale) must not make an admin's open edit fail.
		Document changed = this.mongo.getCollection(this.mongo.getCollectionName(Product.class))
			.findOneAndUpdate(target, increment, options);
		return Optional.ofNullable(changed).map((document) -> this.mongo.getConverter().read(Product.class, document));
	}

}
