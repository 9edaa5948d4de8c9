package com.littlethreads.gateway.upstream;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code lb://} service gets its instances from {@link UpstreamProperties}, picked
 * round-robin. A dead instance stays in the list; GETs and HEADs are retried on another
 * one (the routes' Retry filter), and the circuit breaker guards the whole service.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = StaticInstancesConfiguration.class)
class LoadBalancingConfig {

}
