package com.littlethreads.user.throttle;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared-throttle tests on real MongoDB, wherever Docker is available: both instances
 * on one database.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "littlethreads.embedded-mongo.enabled=false")
class MongoDbThrottlesAcrossInstancesTests extends ThrottlesAcrossInstancesContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Override
	protected String storeUri() {
		return mongo.getReplicaSetUrl("users");
	}

}
