package com.littlethreads.gateway.upstream;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instances of one service, in the load balancer's child context for that service
 * (whose name the environment carries). Not a {@code @Configuration}: the load balancer
 * instantiates it once per service, and component scanning must not pick it up.
 * <p>
 * Where a service has several instances, each one's readiness is asked every
 * {@code spring.cloud.loadbalancer.health-check.interval}, and an instance that is not
 * ready (stopping: its readiness turns DOWN before it stops taking connections), or does
 * not answer, gets no requests until it is ready again; one that refuses a connection
 * gets none for a short pause at once ({@link ReachableInstances}). A single instance is
 * never checked: there is no other to send its requests to, and where one URI stands for
 * many (a Kubernetes Service) the platform already routes only to ready pods.
 */
class StaticInstancesConfiguration {

	@Bean
	ServiceInstanceListSupplier staticInstances(ConfigurableApplicationContext context, UpstreamProperties upstreams) {
		String serviceId = serviceId(context.getEnvironment());
		List<ServiceInstance> instances = configured(serviceId, upstreams);
		ServiceInstanceListSupplier listed = ServiceInstanceListSuppliers.from(serviceId,
				instances.toArray(ServiceInstance[]::new));
		if (instances.size() == 1) {
			return listed;
		}
		return ServiceInstanceListSupplier.builder()
			.withBase(listed)
			.withHealthChecks(WebClient.create())
			.build(context);
	}

	@Bean
	ReachableInstances reachableInstances(ServiceInstanceListSupplier ready, Environment environment,
			UpstreamProperties upstreams) {
		String serviceId = serviceId(environment);
		return new ReachableInstances(serviceId, ready.get(), configured(serviceId, upstreams),
				upstreams.refusedInstancePause(), Clock.systemUTC());
	}

	private static String serviceId(Environment environment) {
		return LoadBalancerClientFactory.getName(environment);
	}

	private static List<ServiceInstance> configured(String serviceId, UpstreamProperties upstreams) {
		List<URI> uris = upstreams.instancesOf(serviceId);
		List<ServiceInstance> instances = new ArrayList<>(uris.size());
		for (int i = 0; i < uris.size(); i++) {
			URI uri = uris.get(i);
			boolean secure = "https".equals(uri.getScheme());
			int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
			instances.add(new DefaultServiceInstance(serviceId + "-" + i, serviceId, uri.getHost(), port, secure));
		}
		return instances;
	}

}
