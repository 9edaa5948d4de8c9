package com.littlethreads.user.throttle;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.Concurrently;
import com.littlethreads.platform.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an attempt draws on the address's and the account's buckets, kept in the store:
 * what the throttles rely on from it is that a token taken is taken once, whoever races
 * for it. Subclasses choose the store. Three failures per address, two per account, per
 * 15 minutes; the clock is moved, not waited for.
 */
@Import(PasswordAttemptsContract.Buckets.class)
@TestPropertySource(properties = { "users.auth.failures-per-address=3", "users.auth.failures-per-account=2",
		"users.auth.failure-window=15m" })
abstract class PasswordAttemptsContract {

	@Autowired
	PasswordAttempts attempts;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anAttemptRefusedByTheAccountCostsTheAddressNothing() {
		assertThat(this.attempts.take("203.0.113.1", "ann@example.com")).isEmpty();
		assertThat(this.attempts.take("203.0.113.2", "ann@example.com")).isEmpty();

		assertThat(this.attempts.take("203.0.113.1", "ann@example.com")).isPresent();

		assertThat(this.attempts.take("203.0.113.1", "bob@example.com")).isEmpty();
		assertThat(this.attempts.take("203.0.113.1", "cy@example.com")).isEmpty();
		assertThat(this.attempts.take("203.0.113.1", "dee@example.com")).as("three taken, the refused one given back")
			.isPresent();
	}

	@Test
	void anAttemptRefusedByTheAddressCostsTheAccountNothing() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.attempts.take("203.0.113.3", "guess-" + i + "@example.com")).isEmpty();
		}

		assertThat(this.attempts.take("203.0.113.3", "eve@example.com")).isPresent();

		assertThat(this.attempts.take("203.0.113.4", "eve@example.com")).isEmpty();
		assertThat(this.attempts.take("203.0.113.5", "eve@example.com")).isEmpty();
		assertThat(this.attempts.take("203.0.113.6", "eve@example.com")).isPresent();
	}

	@Test
	void aSucceededAttemptIsGivenBackToBothBuckets() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.attempts.take("203.0.113.7", "fay@example.com")).isEmpty();
			this.attempts.succeeded("203.0.113.7", "fay@example.com");
		}

		assertThat(this.attempts.take("203.0.113.7", "fay@example.com")).isEmpty();
		assertThat(this.attempts.take("203.0.113.7", "fay@example.com")).isEmpty();
		assertThat(this.attempts.take("203.0.113.7", "fay@example.com")).isPresent();
	}

	@Test
	void theWaitIsUntilBothBucketsAllowAnAttempt() {
		this.attempts.take("203.0.113.9", "gus@example.com");
		this.attempts.take("203.0.113.10", "gus@example.com");
		for (int i = 0; i < 3; i++) {
			this.attempts.take("203.0.113.8", "guess-" + i + "@example.com");
		}

		Duration addressOnly = this.attempts.take("203.0.113.8", "someone-else@example.com").orElseThrow();
		Duration both = this.attempts.take("203.0.113.8", "gus@example.com").orElseThrow();

		// An address gets an attempt back every 5 minutes, an account every 7.5.
		assertThat(addressOnly).isGreaterThan(Duration.ofMinutes(4)).isLessThanOrEqualTo(Duration.ofMinutes(5));
		assertThat(both).isGreaterThan(Duration.ofMinutes(7)).isLessThanOrEqualTo(Duration.ofSeconds(450));
	}

	@Test
	void anEmptiedBucketRefillsOverTheWindow() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.attempts.take("203.0.113.11", "refill-" + i + "@example.com")).isEmpty();
		}
		assertThat(this.attempts.take("203.0.113.11", "refill-3@example.com")).isPresent();

		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.attempts.take("203.0.113.11", "refill-4@example.com")).as("one back after a third").isEmpty();
		assertThat(this.attempts.take("203.0.113.11", "refill-5@example.com")).isPresent();
	}

	@Test
	void racingAttemptsFromTwoInstancesTakeNoMoreTokensThanTheBucketHolds() {
		// Two instances of the service: each has its own buckets object, both on the one
		// store.
		PasswordAttempts other = new PasswordAttempts(new Throttles(this.mongo, this.clock),
				new ThrottleProperties(3, 2, Duration.ofMinutes(15)));

		List<Optional<Duration>> answers = Concurrently.run(24,
				(i) -> ((i % 2 == 0) ? this.attempts : other).take("203.0.113.12", "burst-" + i + "@example.com"));

		assertThat(answers).filteredOn(Optional::isEmpty).hasSize(3);
	}

	@Test
	void bucketsAreStoredUnderDigestsNotAddressesOrEmails() {
		this.attempts.take("203.0.113.13", "private@example.com");

		assertThat(this.mongo.getCollection(StoredBuckets.COLLECTION).find().map(Object::toString))
			.noneMatch((document) -> document.contains("203.0.113.13") || document.contains("private@example.com"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ThrottleProperties.class)
	@Import({ Throttles.class, PasswordAttempts.class })
	static class Buckets {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

}
