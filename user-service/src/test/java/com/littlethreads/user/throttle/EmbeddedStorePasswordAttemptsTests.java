package com.littlethreads.user.throttle;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;

/**
 * The sign-in throttles' buckets on the embedded development store.
 */
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=true",
		"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
		"spring.mongodb.database=users" })
class EmbeddedStorePasswordAttemptsTests extends PasswordAttemptsContract {

}
