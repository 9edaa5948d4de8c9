package com.littlethreads.gateway.upstream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.LoadBalancerServiceInstanceCookieFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.context.ApplicationContext;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lb://} routes go through the gateway's own load balancer only: Gateway's would
 * otherwise run too, with its per-request lookups, wherever it came first in the chain.
 */
class LoadBalancerChainTests extends UpstreamGatewayTest {

	@Autowired
	ApplicationContext context;

	@Test
	void theGatewaysOwnLoadBalancerIsTheOnlyOne() {
		assertThat(this.context.getBeansOfType(GlobalFilter.class).values())
			.hasAtLeastOneElementOfType(LoadBalancerFilter.class)
			.noneMatch(ReactiveLoadBalancerClientFilter.class::isInstance)
			.noneMatch(LoadBalancerServiceInstanceCookieFilter.class::isInstance);
	}

}
