package com.littlethreads.catalog.product;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * The public product page data, cached because every page view asks for it and it changes
 * only when an admin edits the product.
 */
@Component
public class ProductViews {

	private final ProductRepository products;

	ProductViews(ProductRepository products) {
		this.products = products;
	}

	@Cacheable("product")
	public ProductView activeProduct(String slug) {
		return this.products.findBySlugAndStatus(slug, ProductStatus.ACTIVE)
			.map(ProductView::of)
			.orElseThrow(() -> CatalogProblems.productNotFound(slug));
	}

}
