package com.littlethreads.platform.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells whoever starts a service without a database exactly what to set.
 */
class MongoStoreNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<MongoStoreNotConfiguredException> {

	private static final String SET_URI = "Set spring.mongodb.uri (environment variable SPRING_MONGODB_URI), for"
			+ " example mongodb://user:password@mongo:27017/catalog";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MongoStoreNotConfiguredException cause) {
		String development = cause.embeddedStoreEnabled()
				? ", or for local development start the shop with ./run.sh, which puts the embedded store"
						+ " (platform-dev-store/target/dev-store) on the service's loader.path."
				: ", or for local development enable the embedded store with littlethreads.embedded-mongo.enabled=true"
						+ " (environment variable LITTLETHREADS_EMBEDDEDMONGO_ENABLED=true) and put it on the"
						+ " classpath as ./run.sh does.";
		return new FailureAnalysis(cause.getMessage() + ".", SET_URI + development, cause);
	}

}
