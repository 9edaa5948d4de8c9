package com.littlethreads.catalog.product;

/**
 * A variant's stock changed. Prerendered pages do not show stock, so this never calls for
 * a rebuild, but listings filtered by availability do change.
 *
 * @param slug the product
 * @param sku the variant
 */
public record StockChanged(String slug, String sku) {

}
