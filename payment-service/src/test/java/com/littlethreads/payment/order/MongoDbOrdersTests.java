package com.littlethreads.payment.order;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The same order persistence tests on real MongoDB, wherever Docker is available.
 */
@Testcontainers(disabledWithoutDocker = true)
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=false", "spring.mongodb.database=payments" })
class MongoDbOrdersTests extends OrdersContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

}
