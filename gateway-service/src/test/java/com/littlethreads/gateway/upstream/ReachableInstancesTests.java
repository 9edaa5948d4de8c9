package com.littlethreads.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.CompletionContext.Status;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.ResponseData;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;

import com.littlethreads.platform.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which instances the load balancer may choose from, as requests to them finish.
 */
class ReachableInstancesTests {

	private static final Duration PAUSE = Duration.ofSeconds(5);

	private final ServiceInstance first = instance(0);

	private final ServiceInstance second = instance(1);

	private final MutableClock clock = new MutableClock();

	@Test
	void everyReadyInstanceWhileNoneHasRefused() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		finished(instances, this.first, Status.SUCCESS, null);

		assertThat(listed(instances)).containsExactly(this.first, this.second);
	}

	@Test
	void anInstanceThatRefusedAConnectionGetsNoRequestsForThePause() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		finished(instances, this.first, Status.FAILED,
				new IllegalStateException("routing failed", new ConnectException("Connection refused")));

		assertThat(listed(instances)).containsExactly(this.second);
		this.clock.advance(PAUSE.minusMillis(1));
		assertThat(listed(instances)).containsExactly(this.second);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(listed(instances)).containsExactly(this.first, this.second);
	}

	@Test
	void aConnectTimeoutCountsAsARefusal() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		finished(instances, this.second, Status.FAILED, new ConnectTimeoutException("connection timed out"));

		assertThat(listed(instances)).containsExactly(this.first);
	}

	@Test
	void failuresAfterTheConnectionWasMadeSetNothingAside() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		// The instance is there: it was slow, or broke off one answer.
		finished(instances, this.first, Status.FAILED, new TimeoutException("response took longer than 10 s"));
		finished(instances, this.first, Status.FAILED, new IOException("Connection prematurely closed"));
		finished(instances, this.first, Status.DISCARD, null);

		assertThat(listed(instances)).containsExactly(this.first, this.second);
	}

	@Test
	void whenEveryInstanceRefusedAllAreOfferedRatherThanNone() {
		ReachableInstances instances = reachable(List.of(this.first, this.second));

		finished(instances, this.first, Status.FAILED, new ConnectException("Connection refused"));
		finished(instances, this.second, Status.FAILED, new ConnectException("Connection refused"));

		assertThat(listed(instances)).containsExactly(this.first, this.second);
	}

	@Test
	void whenNoInstanceIsReadyEveryConfiguredOneIsOffered() {
		ReachableInstances instances = reachable(List.of());

		assertThat(listed(instances)).containsExactly(this.first, this.second);

		finished(instances, this.first, Status.FAILED, new ConnectException("Connection refused"));
		assertThat(listed(instances)).containsExactly(this.second);
	}

	private ReachableInstances reachable(List<ServiceInstance> ready) {
		ServiceInstanceListSupplier checked = new ServiceInstanceListSupplier() {

			@Override
			public String getServiceId() {
				return "catalog-service";
			}

			@Override
			public Flux<List<ServiceInstance>> get() {
				return Flux.just(ready);
			}

		};
		List<ServiceInstance> all = ServiceInstanceListSuppliers.from("catalog-service", this.first, this.second)
			.get()
			.blockFirst();
		return new ReachableInstances(checked, all, PAUSE, this.clock);
	}

	private static List<ServiceInstance> listed(ReachableInstances instances) {
		return instances.get().blockFirst();
	}

	private static void finished(ReachableInstances instances, ServiceInstance chosen, Status status,
			Throwable failure) {
		instances.onComplete(new CompletionContext<ResponseData, ServiceInstance, RequestDataContext>(status, failure,
				new DefaultRequest<>(new RequestDataContext()), new DefaultResponse(chosen)));
	}

	private static ServiceInstance instance(int index) {
		return new DefaultServiceInstance("catalog-service-" + index, "catalog-service", "127.0.0.1", 9000 + index,
				false);
	}

}
