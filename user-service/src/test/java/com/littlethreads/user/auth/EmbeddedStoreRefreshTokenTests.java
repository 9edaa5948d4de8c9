package com.littlethreads.user.auth;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;

/**
 * Refresh-token rotation on the embedded development store.
 */
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=true",
		"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
		"spring.mongodb.database=users" })
class EmbeddedStoreRefreshTokenTests extends RefreshTokenPersistenceContract {

}
