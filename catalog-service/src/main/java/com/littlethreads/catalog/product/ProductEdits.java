package com.littlethreads.catalog.product;

import java.time.Instant;
import java.util.List;
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
	 * Puts {@code quantity} units back into one variant's stock (a released reservation
	 * stored before holds were recorded, which has no hold to give back).
	 * @param sku the variant
	 * @param quantity the units to put back
	 * @return the product as changed, or empty if there is no such variant
	 */
	Optional<Product> returnStock(String sku, int quantity);

	/**
	 * Takes {@code quantity} units of one variant's stock and records the hold on the
	 * product in the same atomic update: the stock never goes below zero, and an order
	 * holds a variant at most once. The hold counts the calls relying on it: the one that
	 * took it, and each that finds it already there (see {@link #withdraw}).
	 * @param orderId the order the units are for
	 * @param sku the variant
	 * @param quantity the units to take
	 * @param purpose why they are taken
	 * @return what happened, with the changed product when the units were taken
	 */
	StockHold.Taken takeStock(String orderId, String sku, int quantity, StockHold.Purpose purpose);

	/**
	 * Puts the units of the order's hold on the variant back into its stock and removes
	 * the hold, in one atomic update guarded by the hold: exactly once, however many
	 * callers race.
	 * @param orderId the order
	 * @param sku the variant
	 * @param purpose the purpose the hold was taken for
	 * @return the product as changed, or empty if there was no such hold (already given
	 * back or settled)
	 */
	Optional<Product> giveBack(String orderId, String sku, StockHold.Purpose purpose);

	/**
	 * Drops one call's reliance on the order's hold, for a call that took it or found it
	 * held and cannot use it after all (another line was short, or a racing commit won):
	 * the last call to let go gives the stock back, as {@link #giveBack} does; while
	 * another call still relies on the hold (it may go on to record a reservation, or
	 * settle a commit) it stays. A call that dies never lets go; the repair job settles
	 * such holds by their reservation's status.
	 * @param orderId the order
	 * @param sku the variant
	 * @param purpose the purpose the hold was taken for
	 * @return the product as changed if the stock went back, else empty
	 */
	Optional<Product> withdraw(String orderId, String sku, StockHold.Purpose purpose);

	/**
	 * Removes the order's hold on the variant and leaves the stock as it is: the units
	 * are sold.
	 * @param orderId the order
	 * @param sku the variant
	 * @return whether there was a hold to remove
	 */
	boolean settle(String orderId, String sku);

	/**
	 * Every hold taken before {@code cutoff}.
	 * @param cutoff the time
	 * @return the holds
	 */
	List<StockHold> holdsTakenBefore(Instant cutoff);

}
