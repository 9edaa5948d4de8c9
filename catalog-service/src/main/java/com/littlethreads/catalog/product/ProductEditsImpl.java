package com.littlethreads.catalog.product;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

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
		return edit(slug, expectedVersion, Criteria.where("slug").is(slug).and("version").is(expectedVersion), update);
	}

	@Override
	public Product editVariant(String slug, String sku, long expectedVersion, Update update) {
		return edit(slug, expectedVersion,
				Criteria.where("slug")
					.is(slug)
					.and("version")
					.is(expectedVersion)
					.and("variants")
					.elemMatch(Criteria.where("sku").is(sku)),
				update);
	}

	private Product edit(String slug, long expectedVersion, Criteria target, Update update) {
		Query current = Query.query(target);
		update.inc("version", 1).set("updatedAt", this.clock.instant());
		Product edited = this.mongo.findAndModify(current, update, RETURN_NEW, Product.class);
		if (edited != null) {
			return edited;
		}
		if (!this.mongo.exists(Query.query(Criteria.where("slug").is(slug)), Product.class)) {
			throw CatalogProblems.productNotFound(slug);
		}
		throw new OptimisticLockingFailureException("Product " + slug + " is no longer at version " + expectedVersion);
	}

	@Override
	public Optional<Product> restock(String slug, String sku, int quantity, int maximumStock) {
		Query variant = Query.query(Criteria.where("slug")
			.is(slug)
			.and("variants")
			.elemMatch(Criteria.where("sku").is(sku).and("stock").lte(maximumStock - quantity)));
		Update update = new Update().inc("variants.$.stock", quantity).set("updatedAt", this.clock.instant());
		return Optional.ofNullable(this.mongo.findAndModify(variant, update, RETURN_NEW, Product.class));
	}

}
