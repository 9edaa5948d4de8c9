package com.littlethreads.catalog.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds stored products for persistence tests: a valid active product unless a test says
 * otherwise.
 */
public final class ProductBuilder {

	public static final Instant CREATED = Instant.parse("2025-01-01T09:00:00Z");

	private final String slug;

	private String name = "Test Dungarees";

	private ProductStatus status = ProductStatus.ACTIVE;

	private final List<Variant> variants = new ArrayList<>();

	private ProductBuilder(String slug) {
		this.slug = slug;
	}

	public static ProductBuilder aProduct(String slug) {
		return new ProductBuilder(slug);
	}

	public ProductBuilder withName(String name) {
		this.name = name;
		return this;
	}

	public ProductBuilder withStatus(ProductStatus status) {
		this.status = status;
		return this;
	}

	public ProductBuilder withVariant(String sku, Size size, String colour, int stock) {
		this.variants.add(new Variant(sku, size, colour, stock));
		return this;
	}

	public Product build() {
		Product product = new Product();
		product.setSlug(this.slug);
		product.setName(this.name);
		product.setDescription("Sturdy cord dungarees with adjustable straps and roomy pockets.");
		product.setCategory(Category.BOTTOMS);
		product.setGender(Gender.UNISEX);
		product.setSeasons(Set.of(Season.AUTUMN, Season.WINTER));
		product.setMaterial("100% cotton corduroy");
		product.setCare(List.of("Machine wash at 30°C"));
		product.setPrice(new Money(2400, "GBP"));
		product.setStatus(this.status);
		product.setVariants(this.variants);
		product.setImages(ProductAdminController.drawnImages(Category.BOTTOMS, this.name, this.variants));
		product.setCreatedAt(CREATED);
		product.setUpdatedAt(CREATED);
		return product;
	}

}
