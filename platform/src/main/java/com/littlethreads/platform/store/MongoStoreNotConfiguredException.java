package com.littlethreads.platform.store;

/**
 * Thrown at startup when a service has no MongoDB to use: no {@code spring.mongodb.uri}
 * is set and the embedded store is off, or switched on in a jar that does not contain it
 * (a production jar or image). Failing at once beats the driver's default of silently
 * trying localhost:27017 and timing out thirty seconds later.
 */
public class MongoStoreNotConfiguredException extends RuntimeException {

	private final boolean embeddedStoreEnabled;

	MongoStoreNotConfiguredException(boolean embeddedStoreEnabled) {
		super(embeddedStoreEnabled
				? "No MongoDB is configured: spring.mongodb.uri is not set, and the embedded store is enabled but not"
						+ " on the classpath (production jars and images do not contain it)"
				: "No MongoDB is configured: spring.mongodb.uri is not set and the embedded store is disabled");
		this.embeddedStoreEnabled = embeddedStoreEnabled;
	}

	boolean embeddedStoreEnabled() {
		return this.embeddedStoreEnabled;
	}

}
