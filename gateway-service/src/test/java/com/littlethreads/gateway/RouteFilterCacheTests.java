package com.littlethreads.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway merges a route's filters with the global ones and sorts them for each request
 * unless told to keep the result: the gateway keeps it, one list per route.
 */
class RouteFilterCacheTests extends UpstreamGatewayTest {

	@Autowired
	FilteringWebHandler handler;

	@Autowired
	RouteLocator routes;

	@Test
	void eachRouteSortsItsFiltersOnce() {
		Route catalog = this.routes.getRoutes().filter((route) -> route.getId().equals("catalog")).blockFirst();
		assertThat(catalog).isNotNull();
		List<GatewayFilter> first = combinedFilters(catalog);
		assertThat(first).hasSizeGreaterThan(catalog.getFilters().size());
		assertThat(combinedFilters(catalog)).isSameAs(first);
	}

	@SuppressWarnings("unchecked")
	private List<GatewayFilter> combinedFilters(Route route) {
		return (List<GatewayFilter>) ReflectionTestUtils.invokeMethod(this.handler, "getCombinedFilters", route);
	}

}
