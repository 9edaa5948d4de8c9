package com.littlethreads.platform.store;

/**
 * Thrown at startup when a service has no MongoDB to use: the embedded store is off and
 * no {@code spring.mongodb.uri} is set. Failing at once beats the driver's default of
 * silently trying localhost:27017 and timing out thirty seconds later.
 */
public class MongoStoreNotConfiguredException extends RuntimeException {

	MongoStoreNotConfiguredException() {
		super("No MongoDB is configured: spring.mongodb.uri is not set and the embedded store is disabled");
	}

}
