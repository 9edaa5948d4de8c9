/**
 * Listing and searching active products: filters, literal text search, sorting, paging
 * and the facet counts a filter sidebar needs, answered from the in-memory catalog and
 * kept by the catalog version they were computed from.
 */
package com.littlethreads.catalog.search;
