package com.littlethreads.platform.devstore;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStoreAutoConfigurationTests {

	@TempDir
	Path dataDirectory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedStoreAutoConfiguration.class, MongoAutoConfiguration.class));

	@Test
	void noEmbeddedStoreStartsUnlessSwitchedOn() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class));
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
