package com.littlethreads.platform.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Replaces Boot's MongoDB health indicator with {@link MongoPingHealthIndicator}, which
 * readiness probes can rely on with a least-privilege user and on the embedded store.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ MongoDatabaseFactory.class, AbstractHealthIndicator.class })
public class MongoStoreHealthAutoConfiguration {

	// Named like Boot's own indicator so that Boot's backs off.
	@Bean
	@ConditionalOnMissingBean(name = "mongoHealthIndicator")
	@ConditionalOnBean(MongoDatabaseFactory.class)
	MongoPingHealthIndicator mongoHealthIndicator(MongoDatabaseFactory databases) {
		return new MongoPingHealthIndicator(databases);
	}

}
