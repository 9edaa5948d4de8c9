package com.littlethreads.platform.store;

import com.mongodb.client.MongoClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Makes sure the service knows where its MongoDB is. An explicit connection (a
 * Testcontainers service connection, or {@code spring.mongodb.uri}/{@code host}) or the
 * embedded store (module platform-dev-store, which only tests and {@code ./run.sh} put on
 * the classpath) provide one; without either, startup fails with a message that says what
 * to set, instead of the driver's default of trying localhost:27017.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
@Conditional(MongoStoreAutoConfiguration.NoMongoLocationCondition.class)
public class MongoStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MongoConnectionDetails.class)
	MongoConnectionDetails unconfiguredMongoConnectionDetails(Environment environment) {
		throw new MongoStoreNotConfiguredException(
				environment.getProperty("littlethreads.embedded-mongo.enabled", Boolean.class, false));
	}

	static class NoMongoLocationCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			if (StringUtils.hasText(environment.getProperty("spring.mongodb.uri"))
					|| StringUtils.hasText(environment.getProperty("spring.mongodb.host"))) {
				return ConditionOutcome.noMatch("spring.mongodb.uri or spring.mongodb.host is set");
			}
			return ConditionOutcome.match("neither spring.mongodb.uri nor spring.mongodb.host is set");
		}

	}

}
