package com.littlethreads.platform.store;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Decides where the service's MongoDB is. An explicit connection (a Testcontainers
 * service connection, or {@code spring.mongodb.uri}/{@code host}) always wins; otherwise
 * the embedded store when enabled; otherwise startup fails with a message that says what
 * to set.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class MongoStoreAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MongoServer.class)
	@ConditionalOnBooleanProperty("littlethreads.embedded-mongo.enabled")
	static class EmbeddedStoreConfiguration {

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "littlethreads.embedded-mongo.enabled", havingValue = false,
			matchIfMissing = true)
	@Conditional(NoMongoLocationCondition.class)
	static class NoStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(MongoConnectionDetails.class)
		MongoConnectionDetails unconfiguredMongoConnectionDetails() {
			throw new MongoStoreNotConfiguredException();
		}

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
