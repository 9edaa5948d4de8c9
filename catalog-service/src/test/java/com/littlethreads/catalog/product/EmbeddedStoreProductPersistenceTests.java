package com.littlethreads.catalog.product;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;

/**
 * Product persistence on the embedded development store.
 */
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=true",
		"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
		"spring.mongodb.database=catalog", "catalog.seed=false" })
class EmbeddedStoreProductPersistenceTests extends ProductPersistenceContract {

}
