package com.littlethreads.gateway.upstream;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

import com.littlethreads.gateway.problem.Causes;

/**
 * The instances of a service that requests may go to: those its readiness checks list,
 * less any that refused a connection in the last {@code pause}.
 * <p>
 * Readiness is asked only every few seconds, so an instance that dies stays listed until
 * the next check. Meanwhile round-robin sends every other request to it, and a retry can
 * meet it again when other requests take the live instance's turn: three refusals in a
 * row answered a shopper's read with 503 while the other instance was up. So the load
 * balancer reports each finished request here ({@link LoadBalancerLifecycle}), and an
 * instance whose connection was refused (nothing is listening, or nothing accepted within
 * the connect timeout) gets no requests for the pause; the retry that follows goes to
 * another. After the pause the readiness checks decide again.
 * <p>
 * Never an empty list while the service has instances: when none is ready or every one
 * refused, all of them are offered (as Envoy's panic mode does). A request then fails the
 * way it would have, or finds an instance that has just come back, rather than being
 * answered 503 for want of a candidate.
 */
class ReachableInstances extends DelegatingServiceInstanceListSupplier
		implements LoadBalancerLifecycle<RequestDataContext, ResponseData, ServiceInstance> {

	private static final Log logger = LogFactory.getLog(ReachableInstances.class);

	private final List<ServiceInstance> all;

	private final Duration pause;

	private final Clock clock;

	/** Instance id to the end of its pause. */
	private final Map<String, Instant> refused = new ConcurrentHashMap<>();

	/**
	 * @param ready the instances whose readiness checks pass
	 * @param all every configured instance of the service
	 * @param pause how long an instance that refused a connection gets no requests
	 * @param clock the time the pauses are measured in
	 */
	ReachableInstances(ServiceInstanceListSupplier ready, List<ServiceInstance> all, Duration pause, Clock clock) {
		super(ready);
		this.all = List.copyOf(all);
		this.pause = pause;
		this.clock = clock;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get().map(this::reachable);
	}

	private List<ServiceInstance> reachable(List<ServiceInstance> ready) {
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

	@Override
	public void onComplete(CompletionContext<ResponseData, ServiceInstance, RequestDataContext> completion) {
		Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
		if (completion.status() != CompletionContext.Status.FAILED || chosen == null || !chosen.hasServer()
		// Netty's connect timeout is a ConnectException too.
				|| !Causes.isCausedBy(completion.getThrowable(), ConnectException.class)) {
			return;
		}
		ServiceInstance instance = chosen.getServer();
		if (this.refused.put(instance.getInstanceId(), this.clock.instant().plus(this.pause)) == null) {
			logger.warn(getServiceId() + " at " + instance.getUri() + " refused a connection; it gets no requests for "
					+ this.pause.toMillis() + " ms, then its readiness check decides");
		}
	}

	@Override
	public void onStart(Request<RequestDataContext> request) {
	}

	@Override
	public void onStartRequest(Request<RequestDataContext> request, Response<ServiceInstance> chosen) {
	}

}
