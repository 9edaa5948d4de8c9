package com.littlethreads.gateway.upstream;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The instance list of one service, in the load balancer's child context for that service
 * (whose name the environment carries). Not a {@code @Configuration}: the load balancer
 * instantiates it once per service, and component scanning must not pick it up.
 */
class StaticInstancesConfiguration {

	@Bean
	ServiceInstanceListSupplier staticInstances(Environment environment, UpstreamProperties upstreams) {
		String serviceId = LoadBalancerClientFactory.getName(environment);
		List<URI> uris = upstreams.instancesOf(serviceId);
		ServiceInstance[] instances = new ServiceInstance[uris.size()];
		for (int i = 0; i < instances.length; i++) {
			URI uri = uris.get(i);
			boolean secure = "https".equals(uri.getScheme());
			int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
			instances[i] = new DefaultServiceInstance(serviceId + "-" + i, serviceId, uri.getHost(), port, secure);
		}
		return ServiceInstanceListSuppliers.from(serviceId, instances);
	}

}
