package com.littlethreads.platform.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.littlethreads.platform.devstore.EmbeddedMongoServer;
import com.littlethreads.platform.devstore.EmbeddedStoreAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class MongoStoreAutoConfigurationTests {

	@TempDir
	Path dataDirectory;

	/** As in a production jar: platform without the embedded store. */
	private final ApplicationContextRunner production = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoStoreAutoConfiguration.class, MongoAutoConfiguration.class));

	/** As in tests and ./run.sh: the embedded store's module on the classpath too. */
	private final ApplicationContextRunner development = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoStoreAutoConfiguration.class,
				EmbeddedStoreAutoConfiguration.class, MongoAutoConfiguration.class));

	@Test
	void withoutEmbeddedStoreOrUriStartupFailsSayingWhatToSet() {
		this.development.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause()
				.isInstanceOf(MongoStoreNotConfiguredException.class)
				.hasMessageContaining("the embedded store is disabled");
			FailureAnalysis analysis = new MongoStoreNotConfiguredFailureAnalyzer().analyze(failure);
			assertThat(analysis.getAction()).contains("spring.mongodb.uri")
				.contains("SPRING_MONGODB_URI")
				.contains("littlethreads.embedded-mongo.enabled=true");
		});
	}

	@Test
	void aProductionJarWithTheEmbeddedStoreSwitchedOnFailsSayingItLacksTheStore() {
		this.production.withPropertyValues("littlethreads.embedded-mongo.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause()
				.isInstanceOf(MongoStoreNotConfiguredException.class)
				.hasMessageContaining("the embedded store is enabled but not on the classpath");
			FailureAnalysis analysis = new MongoStoreNotConfiguredFailureAnalyzer().analyze(failure);
			assertThat(analysis.getAction()).contains("SPRING_MONGODB_URI").contains("./run.sh");
		});
	}

	@Test
	void explicitUriIsUsedAndNoEmbeddedStoreStarts() {
		this.development.withPropertyValues("spring.mongodb.uri=mongodb://mongo.internal:27017/catalog")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
					.containsExactly("mongo.internal:27017");
			});
	}

	@Test
	void theEmbeddedStoreWhenEnabledAndPresentIsTheClientsStore() {
		this.development.withPropertyValues("littlethreads.embedded-mongo.enabled=true",
				"littlethreads.embedded-mongo.data-directory=" + this.dataDirectory, "spring.mongodb.database=users")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString())
					.isEqualTo(context.getBean(EmbeddedMongoServer.class).connectionString().getConnectionString());
			});
	}

}
