package com.littlethreads.payment;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A session lifetime Stripe would refuse stops the service at startup, not at the first
 * checkout.
 */
class PaymentPropertiesTests {

	@Test
	void sessionOfExactlyThirtyMinutesIsRefusedBecauseStripeMeasuresAtItsEnd() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofMinutes(30)))
			.withMessageContaining("31m");
	}

	@Test
	void sessionOfMoreThanADayIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofHours(25)));
	}

	@Test
	void sessionOfThirtyOneMinutesIsAccepted() {
		assertThat(properties(Duration.ofMinutes(31)).sessionLifetime()).isEqualTo(Duration.ofMinutes(31));
	}

	private static PaymentProperties properties(Duration sessionLifetime) {
		return new PaymentProperties(URI.create("http://localhost:8080"), List.of(URI.create("http://127.0.0.1:8082")),
				List.of(URI.create("http://127.0.0.1:8081")), "secret", sessionLifetime, Duration.ofMinutes(5),
				Duration.ofSeconds(60), Duration.ofHours(72), Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

}
