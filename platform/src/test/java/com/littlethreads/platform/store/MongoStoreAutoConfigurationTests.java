package com.littlethreads.platform.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MongoStoreAutoConfigurationTests {

	@TempDir
	Path dataDirectory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoStoreAutoConfiguration.class, MongoAutoConfiguration.class));

	@Test
	void withoutEmbeddedStoreOrUriStartupFailsSayingWhatToSet() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause().isInstanceOf(MongoStoreNotConfiguredException.class);
			FailureAnalysis analysis = new MongoStoreNotConfiguredFailureAnalyzer().analyze(failure);
			assertThat(analysis.getAction()).contains("spring.mongodb.uri")
				.contains("SPRING_MONGODB_URI")
				.contains("littlethreads.embedded-mongo.enabled=true");
		});
	}

	@Test
	void explicitUriIsUsedAndNoEmbeddedStoreStarts() {
		this.contextRunner.withPropertyValues("spring.mongodb.uri=mongodb://mongo.internal:27017/catalog")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class);
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
					.containsExactly("mongo.internal:27017");
			});
	}

	@Test
	void embeddedStoreWarnsThatItIsForDevelopmentOnly(CapturedOutput output) {
		this.contextRunner.withPropertyValues("littlethreads.embedded-mongo.enabled=true",
				"littlethreads.embedded-mongo.data-directory=" + this.dataDirectory, "spring.mongodb.database=users")
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(output.getOut()).contains("WARN")
			.contains("EMBEDDED DEVELOPMENT STORE")
			.contains("spring.mongodb.uri");
	}

	@Test
	void embeddedStoreStartsOnlyWhenEnabledAndTheClientUsesIt() {
		this.contextRunner.withPropertyValues("littlethreads.embedded-mongo.enabled=true",
				"littlethreads.embedded-mongo.data-directory=" + this.dataDirectory, "spring.mongodb.database=users")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(EmbeddedMongoServer.class);
				EmbeddedMongoServer server = context.getBean(EmbeddedMongoServer.class);
				assertThat(server.file().getFileName().toString()).isEqualTo("users.mv");
				assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString())
					.isEqualTo(server.connectionString().getConnectionString());
			});
	}

}
