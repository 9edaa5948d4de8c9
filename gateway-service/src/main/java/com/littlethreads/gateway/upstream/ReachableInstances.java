package com.littlethreads.gateway.upstream;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.ServiceInstance;

import com.littlethreads.gateway.problem.Causes;

/**
 * The instances of one service that requests may go to, and the one each request goes to:
 * round-robin over those its readiness checks list, less any that refused a connection in
 * the last {@code pause}.
 * <p>
 * The readiness list is kept as the checks report it, so choosing an instance reads a
 * field rather than subscribing to the checks' stream on every request. Readiness is
 * asked only every few seconds, so an instance that dies stays listed until the next
 * check. Meanwhile round-robin sends every other request to it, and a retry can meet it
 * again when other requests take the live instance's turn: three refusals in a row
 * answered a shopper's read with 503 while the other instance was up. So the
 * {@link LoadBalancerFilter} reports each failed request here, and an instance whose
 * connection was refused (nothing is listening, or nothing accepted within the connect
 * timeout) gets no requests for the pause; the retry that follows goes to another. After
 * the pause the readiness checks decide again.
 * <p>
 * Never an empty list while the service has instances: until the first check answers,
 * when none is ready, or when every one refused, all of them are offered (as Envoy's
 * panic mode does). A request then fails the way it would have, or finds an instance that
 * has just come back, rather than being answered 503 for want of a candidate.
 */
class ReachableInstances implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ReachableInstances.class);

	private final String serviceId;

	private final List<ServiceInstance> all;

	private final Duration pause;

	private final Clock clock;

	/** Instance id to the end of its pause. */
	private final Map<String, Instant> refused = new ConcurrentHashMap<>();

	/** Round-robin's turn, from a random start so that gateways do not move in step. */
	private final AtomicInteger position = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

	private final Disposable readinessUpdates;

	private volatile List<ServiceInstance> ready = List.of();

	/**
	 * @param serviceId the service the instances belong to
	 * @param ready the instances whose readiness checks pass, each time the checks report
	 * @param all every configured instance of the service
	 * @param pause how long an instance that refused a connection gets no requests
	 * @param clock the time the pauses are measured in
	 */
	ReachableInstances(String serviceId, Flux<List<ServiceInstance>> ready, List<ServiceInstance> all, Duration pause,
			Clock clock) {
		this.serviceId = serviceId;
		this.all = List.copyOf(all);
		this.pause = pause;
		this.clock = clock;
		this.readinessUpdates = ready.subscribe((instances) -> this.ready = List.copyOf(instances),
				(failure) -> logger.error("Readiness checks of " + serviceId + " stopped", failure));
	}

	/**
	 * The instance the next request goes to.
	 * @return one of the candidates, in turn
	 */
	ServiceInstance choose() {
		List<ServiceInstance> candidates = candidates();
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		int turn = this.position.incrementAndGet() & Integer.MAX_VALUE;
		return candidates.get(turn % candidates.size());
	}

	/**
	 * The instances requests may go to now: never empty.
	 * @return the ready instances that have not refused a connection lately
	 */
	List<ServiceInstance> candidates() {
		List<ServiceInstance> ready = this.ready;
		List<ServiceInstance> candidates = ready.isEmpty() ? this.all : ready;
		if (this.refused.isEmpty()) {
			return candidates;
		}
		Instant now = this.clock.instant();
		List<ServiceInstance> reachable = new ArrayList<>(candidates.size());
		for (ServiceInstance instance : candidates) {
			Instant until = this.refused.get(instance.getInstanceId());
			if (until == null) {
				reachable.add(instance);
			}
			else if (!now.isBefore(until)) {
				this.refused.remove(instance.getInstanceId(), until);
				reachable.add(instance);
			}
		}
		return reachable.isEmpty() ? candidates : reachable;
	}

	/**
	 * A request sent to an instance failed: if the instance refused the connection, it
	 * gets no requests for the pause.
	 * @param instance the instance the request went to
	 * @param failure why it failed
	 */
	void failed(ServiceInstance instance, Throwable failure) {
		// Netty's connect timeout is a ConnectException too.
		if (!Causes.isCausedBy(failure, ConnectException.class)) {
			return;
		}
		if (this.refused.put(instance.getInstanceId(), this.clock.instant().plus(this.pause)) == null) {
			logger.warn(this.serviceId + " at " + instance.getUri() + " refused a connection; it gets no requests for "
					+ this.pause.toMillis() + " ms, then its readiness check decides");
		}
	}

	@Override
	public void destroy() {
		this.readinessUpdates.dispose();
	}

}
