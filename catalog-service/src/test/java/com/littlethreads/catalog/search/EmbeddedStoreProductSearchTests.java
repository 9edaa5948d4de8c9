package com.littlethreads.catalog.search;

import com.littlethreads.catalog.CatalogServiceTest;

/**
 * The listing on the embedded development store.
 */
@CatalogServiceTest
class EmbeddedStoreProductSearchTests extends ProductSearchContract {

}
