package com.littlethreads.gateway.upstream;

import java.net.URI;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.addOriginalRequestUrl;

/**
 * Sends a request routed to {@code lb://<service>} to one of the service's instances, as
 * its {@link ReachableInstances} choose, and tells them when the request failed.
 * <p>
 * In place of Spring Cloud Gateway's {@link ReactiveLoadBalancerClientFilter}, which is
 * switched off ({@code spring.cloud.gateway.server.webflux.global-filter}). For every
 * request that one looked up the service's balancer, lifecycle listeners and properties
 * by name in the service's context, picked an instance through seven Reactor operators,
 * and built the instance's URI through a {@code UriComponentsBuilder}: a few per cent of
 * the gateway's CPU (docs/benchmarks.md). Here the service's instances are found once, at
 * start, and a request costs a map lookup, a turn of round-robin, one URI parse and one
 * operator to hear of failures. What a route does is the same: the instance's own scheme,
 * host and port, the request's path and query as they arrived, a new choice for each
 * retry (a retry runs the filters after it again), and 503 for a service the gateway has
 * no instances of.
 */
class LoadBalancerFilter implements GlobalFilter, Ordered {

	private final Map<String, ReachableInstances> services;

	/**
	 * @param services each service id routes name after {@code lb://}, with its instances
	 */
	LoadBalancerFilter(Map<String, ReachableInstances> services) {
		this.services = Map.copyOf(services);
	}

	@Override
	public int getOrder() {
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
		if (url == null || !"lb".equals(url.getScheme())) {
			return chain.filter(exchange);
		}
		ReachableInstances instances = this.services.get(url.getHost());
		if (instances == null) {
			return Mono.error(NotFoundException.create(false, "Unable to find instance for " + url.getHost()));
		}
		ServiceInstance instance = instances.choose();
		addOriginalRequestUrl(exchange, url);
		exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, at(instance, exchange.getRequest().getURI()));
		return chain.filter(exchange).doOnError((failure) -> instances.failed(instance, failure));
	}

	/**
	 * The request's URI on an instance: the instance's scheme, host and port, and the
	 * request's path and query exactly as they arrived (still encoded; an empty query is
	 * dropped), parsed once.
	 * @param instance where the request goes
	 * @param request the request's URI
	 * @return the URI to send it to
	 */
	static URI at(ServiceInstance instance, URI request) {
		String host = instance.getHost();
		StringBuilder uri = new StringBuilder(96).append(instance.isSecure() ? "https://" : "http://");
		if (host.indexOf(':') >= 0 && host.charAt(0) != '[') {
			// An IPv6 literal, which a URI writes in brackets.
			uri.append('[').append(host).append(']');
		}
		else {
			uri.append(host);
		}
		uri.append(':').append(instance.getPort());
		String path = request.getRawPath();
		if (path != null) {
			uri.append(path);
		}
		String query = request.getRawQuery();
		if (query != null && !query.isEmpty()) {
			uri.append('?').append(query);
		}
		return URI.create(uri.toString());
	}

}
