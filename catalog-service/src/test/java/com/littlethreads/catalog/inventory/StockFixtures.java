package com.littlethreads.catalog.inventory;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductRepository;
import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.catalog.product.Size;
import com.littlethreads.catalog.product.Variant;

import static com.littlethreads.catalog.product.ProductBuilder.aProduct;

/**
 * Products and order ids of a test's own, so that tests sharing one store (and one
 * context) never see each other's stock: every variant is on a product of its own with a
 * SKU no other test uses.
 */
final class StockFixtures {

	private static final AtomicInteger IDS = new AtomicInteger();

	private final ProductRepository products;

	StockFixtures(ProductRepository products) {
		this.products = products;
	}

	/**
	 * A variant of an active product.
	 * @param stock its units
	 * @return its SKU
	 */
	String variant(int stock) {
		return variant(stock, ProductStatus.ACTIVE);
	}

	/**
	 * A variant of a product in the given status.
	 * @param stock its units
	 * @param status the product's status
	 * @return its SKU
	 */
	String variant(int stock, ProductStatus status) {
		String sku = "LT-INV-" + IDS.incrementAndGet() + "-" + System.nanoTime() % 100000;
		this.products.insert(aProduct("stocked-" + sku.toLowerCase()).withName("Stocked " + sku)
			.withStatus(status)
			.withVariant(sku, Size.T4, "navy", stock)
			.build());
		return sku;
	}

	/**
	 * The variant's stock as stored now.
	 * @param sku the variant
	 * @return its units
	 */
	int stock(String sku) {
		return product(sku).variant(sku).map(Variant::stock).orElseThrow();
	}

	/**
	 * The slug of the variant's product.
	 * @param sku the variant
	 * @return the slug
	 */
	String slug(String sku) {
		return product(sku).getSlug();
	}

	/**
	 * An order id no other test uses.
	 * @return the id
	 */
	static String orderId() {
		return "ord_" + IDS.incrementAndGet() + "_" + System.nanoTime();
	}

	private Product product(String sku) {
		return this.products.findByVariantsSkuIn(List.of(sku)).get(0);
	}

}
