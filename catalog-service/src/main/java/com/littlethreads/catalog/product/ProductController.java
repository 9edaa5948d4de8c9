package com.littlethreads.catalog.product;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.catalog.CatalogProperties;

/**
 * One product, and its live availability.
 */
@RestController
@RequestMapping("/api/catalog/products/{slug}")
@Tag(name = "Products")
class ProductController {

	private final ActiveProducts products;

	private final CacheControl publicCache;

	ProductController(ActiveProducts products, CatalogProperties properties) {
		this.products = products;
		this.publicCache = CacheControl.maxAge(properties.publicMaxAge()).cachePublic();
	}

	@GetMapping
	@Operation(summary = "An active product by slug, with every size and colour")
	ResponseEntity<ProductView> product(@PathVariable String slug) {
		ProductView product = this.products.product(slug).orElseThrow(() -> CatalogProblems.productNotFound(slug));
		return ResponseEntity.ok().cacheControl(this.publicCache).body(product);
	}

	@GetMapping("/availability")
	@Operation(summary = "Live stock of every variant of an active product (never cached)")
	ResponseEntity<AvailabilityView> availability(@PathVariable String slug) {
		AvailabilityView availability = this.products.availability(slug)
			.orElseThrow(() -> CatalogProblems.productNotFound(slug));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(availability);
	}

}
