package com.littlethreads.gateway.routetimer;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.config.GatewayMetricsProperties;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.route.RouteDefinitionMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The route timer, and Gateway's routes-count gauge ({@code <prefix>.routes.count}),
 * which Gateway only makes together with its own timer, switched off for ours.
 * {@code littlethreads.route-metrics.enabled=false} leaves both out, for measurements.
 * With Gateway's metrics switched back on, Gateway's filter times the routes instead,
 * never both: they would count each request twice, in the same timer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "littlethreads.route-metrics.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "spring.cloud.gateway.server.webflux.metrics.enabled", havingValue = "false")
class RouteTimerConfig {

	@Bean
	RouteTimerFilter routeTimerFilter(MeterRegistry registry, GatewayMetricsProperties properties) {
		return new RouteTimerFilter(registry, properties.getPrefix(), properties.getTags());
	}

	@Bean
	RouteDefinitionMetrics routeDefinitionMetrics(MeterRegistry registry, RouteDefinitionLocator routes,
			GatewayMetricsProperties properties) {
		return new RouteDefinitionMetrics(registry, routes, properties.getPrefix());
	}

}
