/**
 * Products, their variants (a size and colour with its own SKU and stock) and the API to
 * read and edit them. Stock changes are single-document atomic updates, never
 * read-modify-write.
 */
package com.littlethreads.catalog.product;
