package com.littlethreads.platform.devstore;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The embedded store as the service's MongoDB, when switched on. An explicit connection
 * (a Testcontainers service connection) still wins. Runs before platform's
 * {@code MongoStoreAutoConfiguration}, which fails the start when no connection is
 * configured at all: named, not referenced, so that this module does not depend on
 * platform (whose own tests run on this store).
 */
@AutoConfiguration(before = MongoAutoConfiguration.class,
		beforeName = "com.littlethreads.platform.store.MongoStoreAutoConfiguration")
@ConditionalOnClass(MongoClient.class)
@ConditionalOnBooleanProperty("littlethreads.embedded-mongo.enabled")
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedStoreAutoConfiguration {

	@Bean
	EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties, Environment environment) {
		String database = environment.getProperty("spring.mongodb.database",
				environment.getProperty("spring.application.name", "application"));
		return new EmbeddedMongoServer(properties.dataDirectory(), database);
	}

	// The MongoClient is built from these details, so the server is bound before the
	// client exists and closed after it.
	@Bean
	@ConditionalOnMissingBean(MongoConnectionDetails.class)
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
		ConnectionString connectionString = server.connectionString();
		return () -> connectionString;
	}

}
