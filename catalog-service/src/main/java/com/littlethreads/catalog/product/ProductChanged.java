package com.littlethreads.catalog.product;

/**
 * A product was created or edited in a way shoppers see on its page or in listings (name,
 * price, status, sizes, colours...).
 *
 * @param slug the product
 */
public record ProductChanged(String slug) {

}
