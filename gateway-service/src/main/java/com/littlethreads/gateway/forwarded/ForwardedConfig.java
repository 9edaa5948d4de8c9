package com.littlethreads.gateway.forwarded;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * The client-address rule and the forwarded headers, from
 * {@code littlethreads.trusted-proxies}.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedConfig {

	/**
	 * Spring Cloud Gateway's own setting: a regular expression that, once set, also makes
	 * Netty rewrite the connection's address from the forwarded headers and brings back
	 * the gateway's filters that extend a caller's X-Forwarded-For. Both would undo the
	 * rule here, so it must stay unset.
	 */
	static final String GATEWAY_TRUSTED_PROXIES = "spring.cloud.gateway.server.webflux.trusted-proxies";

	@Bean
	ClientOrigins clientOrigins(TrustedProxiesProperties properties, Environment environment) {
		Assert.state(!environment.containsProperty(GATEWAY_TRUSTED_PROXIES), () -> GATEWAY_TRUSTED_PROXIES
				+ " is not used by Little Threads: list the proxies in littlethreads.trusted-proxies (TRUSTED_PROXIES), as CIDR blocks");
		return new ClientOrigins(TrustedProxies.parse(properties.trustedProxies()));
	}

	@Bean
	ForwardedHeadersFilter forwardedHeadersFilter(ClientOrigins origins) {
		return new ForwardedHeadersFilter(origins);
	}

	/**
	 * Spring Cloud Gateway's own header filters for an unset
	 * {@value #GATEWAY_TRUSTED_PROXIES}: one drops {@code Forwarded}, the other every
	 * {@code X-Forwarded-*} header, each by copying every header of every proxied
	 * request. {@link ForwardedHeadersFilter} drops all of them (and {@code X-Real-IP})
	 * in its one copy, so theirs only cost time (docs/benchmarks.md). Spring Cloud
	 * Gateway has no switch for them short of setting the trusted proxies, hence their
	 * definitions are removed. So is that of its hop-by-hop filter, which copied every
	 * request's and every answer's headers: {@link HopByHopHeaders} does its work.
	 */
	static final List<String> REDUNDANT_GATEWAY_FILTERS = List.of("removeForwardedHeadersFilter",
			"removeXForwardedHeadersFilter", "removeHopByHopHeadersFilter");

	@Bean
	HopByHopHeaders hopByHopHeaders() {
		return new HopByHopHeaders();
	}

	@Bean
	static BeanDefinitionRegistryPostProcessor redundantForwardedHeadersFilters() {
		return (BeanDefinitionRegistry registry) -> REDUNDANT_GATEWAY_FILTERS.stream()
			.filter(registry::containsBeanDefinition)
			.forEach(registry::removeBeanDefinition);
	}

}
