package com.littlethreads.payment.order;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;

/**
 * Order persistence on the embedded development store.
 */
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=true",
		"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
		"spring.mongodb.database=payments" })
class EmbeddedStoreOrdersTests extends OrdersContract {

}
