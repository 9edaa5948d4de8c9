package com.littlethreads.gateway.upstream;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code lb://} service gets its instances from {@link UpstreamProperties}, picked
 * round-robin among those whose readiness is UP (see
 * {@link StaticInstancesConfiguration}). Between an instance's death and the next health
 * check, the routes' Retry filters send a refused request to another instance (any
 * request: it never arrived), and GETs and HEADs also after other connection failures;
 * the instance that refused is set aside at once ({@link ReachableInstances}); the
 * circuit breaker guards the whole service.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = StaticInstancesConfiguration.class)
class LoadBalancingConfig {

}
