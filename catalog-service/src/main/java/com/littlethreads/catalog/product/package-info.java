/**
 * Products, their variants (a size and colour with its own SKU and units on hand) and the
 * API to read and edit them. Shoppers are answered from {@link ActiveProducts}, the
 * catalog each instance holds in memory and keeps current through the {@link ChangeFeed};
 * edits are version-guarded single-document updates. How stock moves is the inventory
 * package's business, not this one's.
 */
package com.littlethreads.catalog.product;
