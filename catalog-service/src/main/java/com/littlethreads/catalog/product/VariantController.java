package com.littlethreads.catalog.product;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Variants by SKU across products: the authoritative price and live stock that checkout
 * charges and the cart re-checks.
 */
@RestController
@Tag(name = "Products")
class VariantController {

	private final ActiveProducts products;

	VariantController(ActiveProducts products) {
		this.products = products;
	}

	@GetMapping("/api/catalog/variants")
	@Operation(summary = "Variants of active products by SKU, with price and live stock (never cached)",
			description = "Unknown SKUs and SKUs of draft or archived products are simply absent.")
	ResponseEntity<VariantsView> variants(@Parameter(description = "1 to 50 SKUs") @RequestParam(name = "sku") @Size(
			min = 1, max = 50) List<@NotBlank @Size(max = 40) String> skus) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.products.variants(skus));
	}

}
