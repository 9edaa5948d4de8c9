package com.littlethreads.catalog.product;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.ErrorResponseException;

/**
 * Single-document atomic changes to a product's details. Its stock belongs to the
 * inventory package, which changes it the same way.
 */
public interface ProductEdits {

	/**
	 * Applies {@code update} if the product is still at {@code expectedVersion}, and
	 * moves it to the next version.
	 * @param slug the product
	 * @param expectedVersion the version the editor read
	 * @param update the fields to change
	 * @return the product as changed
	 * @throws ErrorResponseException 404 if there is no such product
	 * @throws OptimisticLockingFailureException if it has moved on to another version
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

}
