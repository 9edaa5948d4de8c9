package com.littlethreads.platform.scheduling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.littlethreads.platform.test.MutableClock;
import com.littlethreads.platform.testapp.PlatformTestApplication;
import com.littlethreads.platform.testapp.ProbeJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Two instances of a service on one store, as the run command's two instances and N pods
 * share one database: a locked job runs once per tick between them, and the lock of an
 * instance that died mid-run lapses. ShedLock reads its own clock, which these tests move
 * instead of waiting. Run on the embedded store and on MongoDB.
 */
@Tag("slow") // two applications on one store per test
abstract class SchedulerLockContract {

	private final MutableClock clock = new MutableClock();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private ProbeJob first;

	private ProbeJob second;

	@BeforeEach
	void twoInstancesOnOneStore() {
		ClockProvider.setClock(this.clock);
		ConfigurableApplicationContext host = start(firstInstanceStore());
		// Each test's clock starts over: no lock of an earlier test may be held.
		host.getBean(MongoTemplate.class).dropCollection("shedLock");
		ConfigurableApplicationContext other = start("--spring.mongodb.uri=" + uri());
		this.first = host.getBean(ProbeJob.class);
		this.second = other.getBean(ProbeJob.class);
	}

	@AfterEach
	void stop() {
		ClockProvider.setClock(java.time.Clock.systemUTC());
		for (int i = this.instances.size() - 1; i >= 0; i--) {
			this.instances.get(i).close();
		}
	}

	@Test
	void aJobTickingOnTwoInstancesInOneIntervalRunsOnce() {
		this.first.tick();
		this.clock.advance(Duration.ofSeconds(20));
		this.second.tick();
		this.first.tick();

		assertThat(this.first.runs() + this.second.runs()).isEqualTo(1);
	}

	@Test
	void theJobRunsAgainOnTheFirstTickOfTheNextInterval() {
		this.first.tick();
		this.clock.advance(Duration.ofMinutes(1));
		this.second.tick();
		this.first.tick();

		assertThat(this.first.runs()).isEqualTo(1);
		assertThat(this.second.runs()).isEqualTo(1);
	}

	@Test
	void theLockOfAnInstanceThatDiedMidRunLapsesAfterLockAtMostFor() {
		// What a crashed instance leaves: a lock taken and never released.
		LockProvider locks = this.instances.get(0).getBean(LockProvider.class);
		assertThat(locks
			.lock(new LockConfiguration(ClockProvider.now(), ProbeJob.NAME, Duration.ofMinutes(5), Duration.ZERO)))
			.isPresent();

		this.second.tick();
		assertThat(this.second.runs()).as("the lock is still held").isZero();

		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		this.second.tick();
		assertThat(this.second.runs()).isEqualTo(1);
	}

	@Test
	void aJobWhoseIntervalOutgrowsLockAtMostForStopsTheServiceFromStarting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> start("--spring.mongodb.uri=" + uri(), "--probe.tick-interval=20m"))
			.havingRootCause()
			.withMessageContaining("lockAtLeastFor is longer than lockAtMostFor");
		assertThatIllegalStateException()
			.isThrownBy(() -> start("--spring.mongodb.uri=" + uri(), "--probe.tick-interval=20m"))
			.withStackTraceContaining("littlethreads.scheduling.lock-at-most-for");
	}

	/**
	 * Where the first instance's store is.
	 * @return its arguments
	 */
	protected abstract String[] firstInstanceStore();

	/**
	 * The store the first instance uses, for the others.
	 * @param first the first instance
	 * @return its connection string
	 */
	protected abstract String uriOf(ConfigurableApplicationContext first);

	private String uri() {
		return uriOf(this.instances.get(0));
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mongodb.database=probe"));
		args.addAll(List.of(more));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class)
			.run(args.toArray(String[]::new));
		this.instances.add(context);
		return context;
	}

}
