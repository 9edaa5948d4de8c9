/**
 * The category menu with the number of active products in each.
 */
package com.littlethreads.catalog.category;
