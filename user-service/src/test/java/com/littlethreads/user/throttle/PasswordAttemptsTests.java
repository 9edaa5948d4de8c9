package com.littlethreads.user.throttle;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an attempt draws on the address's and the account's buckets.
 */
class PasswordAttemptsTests {

	private final PasswordAttempts attempts = new PasswordAttempts(
			new ThrottleProperties(3, 2, Duration.ofMinutes(15)));

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

}
