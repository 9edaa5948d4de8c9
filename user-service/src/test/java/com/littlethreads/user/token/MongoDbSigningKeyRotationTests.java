package com.littlethreads.user.token;

import java.util.UUID;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The key ring tests on real MongoDB, wherever Docker is available: one database per
 * test.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoDbSigningKeyRotationTests extends SigningKeyRotationContract {

	@Container
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Override
	protected String openStore() {
		return mongo.getReplicaSetUrl("users-" + UUID.randomUUID());
	}

	@Override
	protected void closeStore() {
		// The container goes with the class; each test had a database of its own.
	}

}
