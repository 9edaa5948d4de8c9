package com.littlethreads.gateway.upstream;

import java.util.HashMap;
import java.util.Map;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code lb://} service gets its instances from {@link UpstreamProperties}, picked
 * round-robin among those whose readiness is UP (see
 * {@link StaticInstancesConfiguration}), by the {@link LoadBalancerFilter}. Between an
 * instance's death and the next health check, the routes' Retry filters send a refused
 * request to another instance (any request: it never arrived), and GETs and HEADs also
 * after other connection failures; the instance that refused is set aside at once
 * ({@link ReachableInstances}); the circuit breaker guards the whole service.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = StaticInstancesConfiguration.class)
class LoadBalancingConfig {

	/**
	 * The load balancer, with each service's instances built at start (its readiness
	 * checks begin then too) rather than by its first request.
	 */
	@Bean
	LoadBalancerFilter loadBalancerFilter(LoadBalancerClientFactory loadBalancers) {
		Map<String, ReachableInstances> services = new HashMap<>();
		for (String serviceId : UpstreamProperties.SERVICES) {
			services.put(serviceId, loadBalancers.getInstance(serviceId, ReachableInstances.class));
		}
		return new LoadBalancerFilter(services);
	}

}
