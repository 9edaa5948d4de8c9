package com.littlethreads.user.account;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;

/**
 * Account persistence on the embedded development store.
 */
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=true",
		"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
		"spring.mongodb.database=users" })
class EmbeddedStoreUserPersistenceTests extends UserPersistenceContract {

}
