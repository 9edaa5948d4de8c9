package com.littlethreads.payment.order;

/**
 * One line of an order, priced from the catalog when the order was placed.
 *
 * @param sku the variant's SKU
 * @param name the product name
 * @param size the variant's size
 * @param colour the variant's colour
 * @param quantity how many
 * @param unitPrice the catalog price of one
 * @param lineTotal {@code unitPrice} times {@code quantity}
 */
public record OrderLine(String sku, String name, String size, String colour, int quantity, Money unitPrice,
		Money lineTotal) {

}
