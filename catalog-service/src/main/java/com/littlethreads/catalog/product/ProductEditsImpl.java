package com.littlethreads.catalog.product;

import java.time.Clock;
import java.util.function.Supplier;

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
		update.inc("version", 1).inc("rev", 1).set("updatedAt", this.clock.instant());
		Product edited = this.mongo.findAndModify(current, update, RETURN_NEW, Product.class);
		if (edited != null) {
			return edited;
		}
		if (!this.mongo.exists(Query.query(target), Product.class)) {
			throw notFound.get();
		}
		throw new OptimisticLockingFailureException("The product is no longer at version " + expectedVersion);
	}

}
