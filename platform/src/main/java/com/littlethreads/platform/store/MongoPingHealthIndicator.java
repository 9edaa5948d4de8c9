package com.littlethreads.platform.store;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Checks the service's own database with a {@code ping}. Boot's default indicator lists
 * every database on the server first, which a service's least-privilege MongoDB user may
 * not do (and the embedded store does not answer), so it would report DOWN for a healthy
 * service.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoDatabaseFactory databases;

	MongoPingHealthIndicator(MongoDatabaseFactory databases) {
		super("MongoDB health check failed");
		this.databases = databases;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String database = this.databases.getMongoDatabase().getName();
		this.databases.getMongoDatabase().runCommand(new Document("ping", 1));
		builder.up().withDetail("database", database);
	}

}
