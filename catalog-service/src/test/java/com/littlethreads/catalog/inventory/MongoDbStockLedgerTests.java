package com.littlethreads.catalog.inventory;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The same stock moves on real MongoDB, wherever Docker is available.
 */
@Testcontainers(disabledWithoutDocker = true)
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=false", "spring.mongodb.database=catalog",
		"catalog.seed=false" })
class MongoDbStockLedgerTests extends StockLedgerContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

}
