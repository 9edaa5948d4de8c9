package com.littlethreads.user.throttle;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The same throttle tests on real MongoDB, wherever Docker is available.
 */
@Testcontainers(disabledWithoutDocker = true)
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=false", "spring.mongodb.database=users" })
class MongoDbPasswordAttemptsTests extends PasswordAttemptsContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

}
