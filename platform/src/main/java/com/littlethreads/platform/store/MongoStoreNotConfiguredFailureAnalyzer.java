package com.littlethreads.platform.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells whoever starts a service without a database exactly what to set.
 */
class MongoStoreNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<MongoStoreNotConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MongoStoreNotConfiguredException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Set spring.mongodb.uri (environment variable SPRING_MONGODB_URI), for example"
						+ " mongodb://user:password@mongo:27017/catalog, or for local development enable the"
						+ " embedded store with littlethreads.embedded-mongo.enabled=true"
						+ " (environment variable LITTLETHREADS_EMBEDDEDMONGO_ENABLED=true).",
				cause);
	}

}
