/**
 * Listing and searching active products: filters, literal text search, sorting, paging
 * and the facet counts a filter sidebar needs. Results are cached until the catalog
 * changes.
 */
package com.littlethreads.catalog.search;
