package com.littlethreads.catalog.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * Products by slug or SKU (both uniquely indexed). Edits go through {@link ProductEdits}:
 * targeted, version-guarded updates that never rewrite the whole document, so an edit can
 * never overwrite a concurrent stock change.
 */
public interface ProductRepository extends MongoRepository<Product, String>, ProductEdits {

	Optional<Product> findBySlug(String slug);

	boolean existsBySlug(String slug);

	boolean existsByVariantsSku(String sku);

	List<Product> findByVariantsSkuIn(Collection<String> skus);

}
