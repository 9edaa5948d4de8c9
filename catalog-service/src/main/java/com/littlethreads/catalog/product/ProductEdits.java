package com.littlethreads.catalog.product;

import java.util.Optional;

import org.springframework.data.mongodb.core.query.Update;

/**
 * Single-document atomic changes to a product.
 */
public interface ProductEdits {

	/**
	 * Applies {@code update} if the product is still at {@code expectedVersion}, and
	 * moves it to the next version.
	 * @param slug the product
	 * @param expectedVersion the version the editor read
	 * @param update the fields to change
	 * @return the product as changed
	 * @throws org.springframework.web.ErrorResponseException 404 if there is no such
	 * product
	 * @throws org.springframework.dao.OptimisticLockingFailureException if it has moved
	 * on
	 */
	Product edit(String slug, long expectedVersion, Update update);

	/**
	 * Like {@link #edit}, with {@code $[variant]} in the update's paths addressing the
	 * variant {@code sku}.
	 * @param slug the product
	 * @param sku the variant
	 * @param expectedVersion the version the editor read
	 * @param update the fields to change
	 * @return the product as changed
	 */
	Product editVariant(String slug, String sku, long expectedVersion, Update update);

	/**
	 * Adds {@code quantity} units to one variant's stock in one atomic increment.
	 * @param slug the product
	 * @param sku the variant
	 * @param quantity the units received
	 * @param maximumStock the stock the variant may not exceed
	 * @return the product as changed, or empty if the product has no such variant or the
	 * stock would exceed the maximum
	 */
	Optional<Product> restock(String slug, String sku, int quantity, int maximumStock);

	/**
	 * Takes {@code quantity} units of one variant's stock in one guarded decrement: the
	 * stock never goes below zero, however many callers race.
	 * @param sku the variant
	 * @param quantity the units to take
	 * @return the product as changed, or empty if there is no such variant or it has
	 * fewer than {@code quantity} units
	 */
	Optional<Product> takeStock(String sku, int quantity);

	/**
	 * Puts {@code quantity} units back into one variant's stock (a released reservation).
	 * @param sku the variant
	 * @param quantity the units to put back
	 * @return the product as changed, or empty if there is no such variant
	 */
	Optional<Product> returnStock(String sku, int quantity);

}
