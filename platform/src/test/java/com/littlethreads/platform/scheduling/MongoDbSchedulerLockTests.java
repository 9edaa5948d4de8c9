package com.littlethreads.platform.scheduling;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scheduled-job lock tests on real MongoDB (majority writes and reads, as ShedLock's
 * provider makes them), wherever Docker is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoDbSchedulerLockTests extends SchedulerLockContract {

	@Container
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Override
	protected String[] firstInstanceStore() {
		return new String[] { "--spring.mongodb.uri=" + mongo.getReplicaSetUrl("probe") };
	}

	@Override
	protected String uriOf(ConfigurableApplicationContext first) {
		return mongo.getReplicaSetUrl("probe");
	}

}
