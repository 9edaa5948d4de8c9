package com.littlethreads.catalog.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.catalog.product.AdminProductView;
import com.littlethreads.catalog.product.CatalogProblems;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductRepository;
import com.littlethreads.catalog.product.Variant;
import com.littlethreads.platform.problem.Problems;

/**
 * Receiving stock (role ADMIN, like the rest of the admin API it sits in): an atomic
 * increment that needs no version, since stock is not what an editor's version guards.
 */
@RestController
@Tag(name = "Admin")
class RestockController {

	private final StockLedger ledger;

	private final ProductRepository products;

	RestockController(StockLedger ledger, ProductRepository products) {
		this.ledger = ledger;
		this.products = products;
	}

	@PostMapping("/api/catalog/admin/products/{slug}/variants/{sku}/restock")
	@Operation(summary = "Add received units to a variant's stock (atomic; needs no version)")
	AdminProductView restock(@PathVariable String slug, @PathVariable String sku,
			@Valid @RequestBody RestockRequest request) {
		Product product = this.products.findBySlug(slug).orElseThrow(() -> CatalogProblems.productNotFound(slug));
		product.variant(sku).orElseThrow(() -> CatalogProblems.variantNotFound(slug, sku));
		Product restocked = this.ledger.restock(slug, sku, request.quantity())
			.orElseThrow(
					() -> Problems.invalidField("quantity", "would take the stock above " + Variant.MAXIMUM_STOCK));
		return AdminProductView.of(restocked);
	}

	/**
	 * Units received.
	 *
	 * @param quantity 1 to {@link Variant#MAXIMUM_STOCK}
	 */
	record RestockRequest(@NotNull @Min(1) @Max(Variant.MAXIMUM_STOCK) Integer quantity) {

	}

}
