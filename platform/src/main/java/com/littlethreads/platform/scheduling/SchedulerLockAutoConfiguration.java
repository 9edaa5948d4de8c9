package com.littlethreads.platform.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Locks for scheduled jobs, kept in the service's own database (collection
 * {@code shedLock}, one document per job), so that every instance of a service sees the
 * same lock on MongoDB and on the embedded store alike.
 * <p>
 * A job opts in with {@code @SchedulerLock(name = ..., lockAtLeastFor = <its interval>)}:
 * holding the lock for the interval after a run makes the instances whose ticks come
 * later in the same interval skip theirs, so the job runs once per tick in all. If the
 * instance running a job dies, its lock lapses after
 * {@code littlethreads.scheduling.lock-at-most-for} and another instance takes over.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass({ LockProvider.class, MongoLockProvider.class, MongoDatabaseFactory.class })
@ConditionalOnBean(MongoDatabaseFactory.class)
@EnableSchedulerLock(defaultLockAtMostFor = "${littlethreads.scheduling.lock-at-most-for}")
public class SchedulerLockAutoConfiguration {

	// MongoLockProvider writes and reads with majority concern, so that a lock taken
	// survives a replica set's failover and no instance reads a lock that could roll
	// back.
	@Bean
	@ConditionalOnMissingBean(LockProvider.class)
	LockProvider mongoLockProvider(MongoDatabaseFactory databases) {
		return new MongoLockProvider(databases.getMongoDatabase());
	}

	@Bean
	static LockedJobsCheck lockedJobsCheck(ConfigurableListableBeanFactory beans,
			@Lazy ExtendedLockConfigurationExtractor locks) {
		return new LockedJobsCheck(beans, locks);
	}

}
