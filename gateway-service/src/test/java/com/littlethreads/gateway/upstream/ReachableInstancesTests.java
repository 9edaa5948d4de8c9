package com.littlethreads.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

import com.littlethreads.platform.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which instances the load balancer may choose from, and chooses, as the readiness checks
 * report and requests fail.
 */
class ReachableInstancesTests {

	private static final Duration PAUSE = Duration.ofSeconds(5);

	private final ServiceInstance first = instance(0);

	private final ServiceInstance second = instance(1);

	private final MutableClock clock = new MutableClock();

	@Test
	void everyReadyInstanceWhileNoneHasRefused() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		assertThat(instances.candidates()).containsExactly(this.first, this.second);
	}

	@Test
	void anInstanceThatRefusedAConnectionGetsNoRequestsForThePause() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		instances.failed(this.first,
				new IllegalStateException("routing failed", new ConnectException("Connection refused")));

		assertThat(instances.candidates()).containsExactly(this.second);
		this.clock.advance(PAUSE.minusMillis(1));
		assertThat(instances.candidates()).containsExactly(this.second);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(instances.candidates()).containsExactly(this.first, this.second);
	}

	@Test
	void aConnectTimeoutCountsAsARefusal() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		instances.failed(this.second, new ConnectTimeoutException("connection timed out"));

		assertThat(instances.candidates()).containsExactly(this.first);
	}

	@Test
	void failuresAfterTheConnectionWasMadeSetNothingAside() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		// The instance is there: it was slow, or broke off one answer.
		instances.failed(this.first, new TimeoutException("response took longer than 10 s"));
		instances.failed(this.first, new IOException("Connection prematurely closed"));

		assertThat(instances.candidates()).containsExactly(this.first, this.second);
	}

	@Test
	void whenEveryInstanceRefusedAllAreOfferedRatherThanNone() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		instances.failed(this.first, new ConnectException("Connection refused"));
		instances.failed(this.second, new ConnectException("Connection refused"));

		assertThat(instances.candidates()).containsExactly(this.first, this.second);
	}

	@Test
	void whenNoInstanceIsReadyEveryConfiguredOneIsOffered() {
		ReachableInstances instances = reachable(List.of());

		assertThat(instances.candidates()).containsExactly(this.first, this.second);

		instances.failed(this.first, new ConnectException("Connection refused"));
		assertThat(instances.candidates()).containsExactly(this.second);
	}

	@Test
	void untilTheChecksFirstAnswerEveryConfiguredOneIsOffered() {
		ReachableInstances instances = new ReachableInstances("catalog-service", Flux.never(),
				List.of(this.first, this.second), PAUSE, this.clock);

		assertThat(instances.candidates()).containsExactly(this.first, this.second);
	}

	@Test
	void theListIsTheOneTheChecksLastReported() {
		Sinks.Many<List<ServiceInstance>> checks = Sinks.many().replay().latest();
		ReachableInstances instances = new ReachableInstances("catalog-service", checks.asFlux(),
				List.of(this.first, this.second), PAUSE, this.clock);

		checks.tryEmitNext(List.of(this.second));
		assertThat(instances.candidates()).containsExactly(this.second);
		checks.tryEmitNext(List.of(this.first, this.second));
		assertThat(instances.candidates()).containsExactly(this.first, this.second);

		instances.destroy();
		checks.tryEmitNext(List.of(this.first));
		assertThat(instances.candidates()).as("no longer listening once destroyed")
			.containsExactly(this.first, this.second);
	}

	@Test
	void requestsTakeTurnsOverTheCandidates() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		List<ServiceInstance> chosen = Stream.generate(instances::choose).limit(6).toList();

		assertThat(chosen).containsOnly(this.first, this.second);
		for (int i = 1; i < chosen.size(); i++) {
			assertThat(chosen.get(i)).isNotEqualTo(chosen.get(i - 1));
		}
	}

	@Test
	void anInstanceSetAsideIsNotChosen() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		instances.failed(this.first, new ConnectException("Connection refused"));

		assertThat(Stream.generate(instances::choose).limit(4)).containsOnly(this.second);
	}

	private ReachableInstances reachable(List<ServiceInstance> ready) {
		return new ReachableInstances("catalog-service", Flux.just(ready), List.of(this.first, this.second), PAUSE,
				this.clock);
	}

	private static ServiceInstance instance(int index) {
		return new DefaultServiceInstance("catalog-service-" + index, "catalog-service", "127.0.0.1", 9000 + index,
				false);
	}

}
