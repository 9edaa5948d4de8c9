package com.littlethreads.gateway.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breakers' gauges, under the names and tags the edge dashboard and the
 * {@code CircuitBreakerOpen} alert read, for breakers made before and after binding.
 */
class CircuitBreakerMetersTests {

	private final CircuitBreakerRegistry breakers = new CircuitBreakerConfig()
		.serviceCircuitBreakers(new CircuitBreakerProperties(10, 5, 50, Duration.ofSeconds(10), 3));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void eachStateIsAGaugeOfOneOrZeroAndTheWindowIsCounted() {
		CircuitBreaker catalog = this.breakers.circuitBreaker("catalog");
		new CircuitBreakerMeters(this.breakers).bindTo(this.meters);
		catalog.onSuccess(1, TimeUnit.MILLISECONDS);
		catalog.onError(1, TimeUnit.MILLISECONDS, new java.io.IOException("reset"));

		assertThat(state("catalog", "closed")).isEqualTo(1);
		assertThat(state("catalog", "open")).isZero();
		assertThat(this.meters.get("resilience4j.circuitbreaker.buffered.calls")
			.tags("name", "catalog", "kind", "successful")
			.gauge()
			.value()).isEqualTo(1);
		assertThat(this.meters.get("resilience4j.circuitbreaker.buffered.calls")
			.tags("name", "catalog", "kind", "failed")
			.gauge()
			.value()).isEqualTo(1);

		catalog.transitionToOpenState();
		assertThat(state("catalog", "open")).isEqualTo(1);
		assertThat(state("catalog", "closed")).isZero();
	}

	@Test
	void aBreakerMadeAfterBindingGetsItsGaugesToo() {
		new CircuitBreakerMeters(this.breakers).bindTo(this.meters);

		this.breakers.circuitBreaker("payments");

		assertThat(state("payments", "closed")).isEqualTo(1);
		assertThat(this.meters.get("resilience4j.circuitbreaker.failure.rate").tag("name", "payments").gauge().value())
			.isEqualTo(-1);
	}

	@Test
	void stateNamesDoNotDependOnTheDefaultLocale() {
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr"));
		try {
			new CircuitBreakerMeters(this.breakers).bindTo(this.meters);
			this.breakers.circuitBreaker("users");
		}
		finally {
			Locale.setDefault(before);
		}

		assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("state", "disabled").gauge()).isNotNull();
		assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("state", "metrics_only").gauge())
			.isNotNull();
	}

	private double state(String name, String state) {
		return this.meters.get("resilience4j.circuitbreaker.state").tags("name", name, "state", state).gauge().value();
	}

}
