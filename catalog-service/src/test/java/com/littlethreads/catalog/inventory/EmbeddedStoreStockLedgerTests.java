package com.littlethreads.catalog.inventory;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;

/**
 * Stock moves on the embedded development store.
 */
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=true",
		"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
		"spring.mongodb.database=catalog", "catalog.seed=false" })
class EmbeddedStoreStockLedgerTests extends StockLedgerContract {

}
