package com.littlethreads.catalog.seed;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.Image;
import com.littlethreads.catalog.product.Money;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.catalog.product.Season;
import com.littlethreads.catalog.product.Variant;

/**
 * One product of {@code seed/products.json}, the single source of the sample catalog (the
 * static site's generator reads the same file).
 */
record SeedProduct(String slug, String name, String description, Category category, Gender gender, Set<Season> seasons,
		String material, List<String> care, Money price, ProductStatus status, boolean featured,
		List<Variant> variants) {

	Product toProduct(Instant createdAt) {
		Product product = new Product();
		product.setSlug(this.slug);
		product.setName(this.name);
		product.setDescription(this.description);
		product.setCategory(this.category);
		product.setGender(this.gender);
		product.setSeasons(this.seasons);
		product.setMaterial(this.material);
		product.setCare(this.care);
		product.setPrice(this.price);
		product.setStatus(this.status);
		product.setFeatured(this.featured);
		product.setVariants(this.variants);
		product.setImages(this.variants.stream()
			.map(Variant::colour)
			.distinct()
			.map((colour) -> Image.drawn(this.category, colour, this.name))
			.toList());
		product.setCreatedAt(createdAt);
		product.setUpdatedAt(createdAt);
		return product;
	}

}
