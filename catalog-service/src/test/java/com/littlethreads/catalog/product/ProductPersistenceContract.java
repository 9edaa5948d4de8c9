package com.littlethreads.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.ErrorResponseException;

import static com.littlethreads.catalog.product.ProductBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How products are stored and edited: unique slugs and SKUs, and version-guarded edits
 * that count in the revision. (Stock and holds: the inventory package's
 * {@code StockLedgerContract}.) Subclasses choose the store.
 */
@Import(ProductPersistenceContract.FixedClock.class)
abstract class ProductPersistenceContract {

	static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	@Autowired
	ProductRepository products;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void emptyStore() {
		this.products.deleteAll();
	}

	@Test
	void slugAndSkuIndexesAreCreatedUnique() {
		List<IndexInfo> indexes = this.mongo.indexOps(Product.class).getIndexInfo();

		assertThat(indexes).filteredOn((index) -> index.isIndexForFields(List.of("slug")))
			.singleElement()
			.satisfies((index) -> assertThat(index.isUnique()).isTrue());
		assertThat(indexes).filteredOn((index) -> index.isIndexForFields(List.of("variants.sku")))
			.singleElement()
			.satisfies((index) -> assertThat(index.isUnique()).isTrue());
	}

	@Test
	void secondProductWithTheSameSlugIsRejected() {
		this.products.insert(aProduct("cord-dungarees").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.products
			.insert(aProduct("cord-dungarees").withName("Copy").withVariant("LT-2-RED-4T", Size.T4, "red", 5).build()));

		assertThat(this.products.count()).isOne();
		assertThat(this.products.findBySlug("cord-dungarees").orElseThrow().getName()).isEqualTo("Test Dungarees");
	}

	@Test
	void skuUsedByAnotherProductIsRejected() {
		this.products.insert(aProduct("first").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.products.insert(aProduct("second").withVariant("LT-2-RED-4T", Size.T4, "red", 5)
				.withVariant("LT-1-RED-4T", Size.Y5, "red", 5)
				.build()));

		assertThat(this.products.existsBySlug("second")).isFalse();
		assertThat(this.products.count()).isOne();
	}

	@Test
	void editAtTheCurrentVersionAppliesAndMovesToTheNextVersion() {
		this.products.insert(aProduct("renamed").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		Product edited = this.products.edit("renamed", 0, new Update().set("name", "Renamed Dungarees"));

		assertThat(edited.getName()).isEqualTo("Renamed Dungarees");
		assertThat(edited.getVersion()).isOne();
		Product stored = this.products.findBySlug("renamed").orElseThrow();
		assertThat(stored.getName()).isEqualTo("Renamed Dungarees");
		assertThat(stored.getVersion()).isOne();
		assertThat(stored.getUpdatedAt()).isEqualTo(NOW);
		assertThat(stored.getCreatedAt()).isEqualTo(ProductBuilder.CREATED);
		assertThat(stored.getVariants()).containsExactly(new Variant("LT-1-RED-4T", Size.T4, "red", 5));
	}

	@Test
	void editAtAStaleVersionFailsAndLeavesTheProductUnchanged() {
		this.products.insert(aProduct("edited-twice").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());
		this.products.edit("edited-twice", 0, new Update().set("name", "First edit"));

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.products.edit("edited-twice", 0, new Update().set("name", "Lost edit")));

		Product stored = this.products.findBySlug("edited-twice").orElseThrow();
		assertThat(stored.getName()).isEqualTo("First edit");
		assertThat(stored.getVersion()).isOne();
	}

	@Test
	void editOfAnUnknownProductIsNotFound() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.products.edit("no-such-product", 0, new Update().set("name", "Ghost")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(404);
				assertThat(ex.getBody().getType()).hasToString("https://littlethreads.shop/problems/product-not-found");
			});

		assertThat(this.products.count()).isZero();
	}

	@Test
	void editVariantChangesSizeAndColourOfThatVariantOnlyAndKeepsItsStock() {
		this.products.insert(aProduct("moved").withVariant("LT-1-RED-4T", Size.T4, "red", 5)
			.withVariant("LT-1-RED-5Y", Size.Y5, "red", 8)
			.build());

		Product edited = this.products.editVariant("moved", "LT-1-RED-4T", 0,
				new Update().set("variants.$[variant].size", Size.Y6).set("variants.$[variant].colour", "navy"));

		assertThat(edited.getVersion()).isOne();
		Product stored = this.products.findBySlug("moved").orElseThrow();
		assertThat(stored.getVariants()).containsExactly(new Variant("LT-1-RED-4T", Size.Y6, "navy", 5),
				new Variant("LT-1-RED-5Y", Size.Y5, "red", 8));
		assertThat(stored.getVersion()).isOne();
	}

	@Test
	void editVariantOfAnUnknownSkuIsVariantNotFoundNotAConflict() {
		this.products.insert(aProduct("plain").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.products.editVariant("plain", "LT-NOPE", 0,
					new Update().set("variants.$[variant].colour", "navy")))
			.satisfies((ex) -> assertThat(ex.getBody().getType().toString()).endsWith("/variant-not-found"));
		assertThat(this.products.findBySlug("plain").orElseThrow().getVersion()).isZero();
	}

	@Test
	void everyEditCountsInTheRevision() {
		Product inserted = this.products
			.insert(aProduct("revised").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build());

		this.products.edit("revised", 0, new Update().set("name", "First edit"));
		Product edited = this.products.editVariant("revised", "LT-1-RED-4T", 1,
				new Update().set("variants.$[variant].colour", "navy"));

		assertThat(inserted.getRev()).isZero();
		assertThat(edited.getRev()).isEqualTo(2);
		assertThat(this.products.findBySlug("revised").orElseThrow().getRev()).isEqualTo(2);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
