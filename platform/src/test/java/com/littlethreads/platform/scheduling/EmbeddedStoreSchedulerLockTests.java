package com.littlethreads.platform.scheduling;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import com.littlethreads.platform.devstore.EmbeddedMongoServer;

/**
 * The scheduled-job lock tests on the embedded store: the first instance holds it, the
 * second connects to it, as run.sh's instances share the stores process.
 */
class EmbeddedStoreSchedulerLockTests extends SchedulerLockContract {

	@TempDir
	Path store;

	@Override
	protected String[] firstInstanceStore() {
		return new String[] { "--littlethreads.embedded-mongo.enabled=true",
				"--littlethreads.embedded-mongo.data-directory=" + this.store };
	}

	@Override
	protected String uriOf(ConfigurableApplicationContext first) {
		return first.getBean(EmbeddedMongoServer.class).connectionString().getConnectionString();
	}

}
