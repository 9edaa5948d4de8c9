package com.littlethreads.gateway.routetimer;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GatewayMetricsFilter;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.tagsprovider.GatewayHttpTagsProvider;
import org.springframework.cloud.gateway.support.tagsprovider.GatewayRouteTagsProvider;
import org.springframework.cloud.gateway.support.tagsprovider.GatewayTagsProvider;
import org.springframework.cloud.gateway.support.tagsprovider.PropertiesTagsProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Times each routed request in {@code <prefix>.requests}, with the tags of Spring Cloud
 * Gateway's {@link GatewayMetricsFilter}: {@code outcome}, {@code status},
 * {@code httpStatusCode}, {@code httpMethod}, {@code routeId} and {@code routeUri}, plus
 * any fixed tags configured for Gateway's metrics.
 * <p>
 * In place of Gateway's filter, which is switched off
 * ({@code spring.cloud.gateway.server.webflux.metrics.enabled}): for every request that
 * one built its three tag sets, merged and sorted them, and looked its timer up by that
 * identity, through two operators (docs/benchmarks.md). Here a request's route, method
 * and status find the timer in a map, and Gateway's own tag providers are asked once,
 * when a combination is first seen (their tags depend on nothing else). The time is the
 * same: from this filter to the response's commit.
 * <p>
 * One difference: a method outside the standard ones is tagged {@code UNKNOWN}, as
 * Spring's own HTTP server observations tag it, rather than by its name, so that a caller
 * inventing methods cannot add a timer with each one.
 */
final class RouteTimerFilter implements GlobalFilter, Ordered {

	private static final String UNKNOWN_METHOD = "UNKNOWN";

	private static final Set<HttpMethod> STANDARD_METHODS = Set.of(HttpMethod.values());

	private final MeterRegistry registry;

	private final Clock clock;

	private final String name;

	private final GatewayTagsProvider tags;

	private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * @param registry where the timers are registered
	 * @param prefix the metrics' prefix ({@code spring.cloud.gateway} unless configured),
	 * with or without a trailing dot
	 * @param fixedTags tags added to every timer, by name
	 */
	RouteTimerFilter(MeterRegistry registry, String prefix, Map<String, String> fixedTags) {
		this.registry = registry;
		this.clock = registry.config().clock();
		this.name = (prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix) + ".requests";
		this.tags = new GatewayHttpTagsProvider().and(new GatewayRouteTagsProvider())
			.and(new PropertiesTagsProvider(fixedTags));
	}

	/**
	 * Gateway's own order for its timer: it starts early, and the response it sees is the
	 * one the client gets.
	 */
	@Override
	public int getOrder() {
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long start = this.clock.monotonicTime();
		return chain.filter(exchange).doOnTerminate(() -> stopWhenCommitted(exchange, start));
	}

	private void stopWhenCommitted(ServerWebExchange exchange, long start) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			stop(exchange, start);
		}
		else {
			response.beforeCommit(() -> {
				stop(exchange, start);
				return Mono.empty();
			});
		}
	}

	private void stop(ServerWebExchange exchange, long start) {
		Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
		HttpMethod method = exchange.getRequest().getMethod();
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		TimerKey key = new TimerKey((route != null) ? route.getId() : null, (route != null) ? route.getUri() : null,
				STANDARD_METHODS.contains(method) ? method.name() : UNKNOWN_METHOD,
				(status != null) ? status.value() : TimerKey.NO_STATUS);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(key, (newKey) -> register(newKey, exchange));
		}
		timer.record(this.clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
	}

	private Timer register(TimerKey key, ServerWebExchange exchange) {
		Tags tags = this.tags.apply(exchange);
		if (UNKNOWN_METHOD.equals(key.method())) {
			tags = tags.and("httpMethod", UNKNOWN_METHOD);
		}
		return this.registry.timer(this.name, tags);
	}

	/**
	 * What tells one timer from another: all that Gateway's HTTP and route tags depend
	 * on.
	 */
	private record TimerKey(String routeId, URI routeUri, String method, int status) {

		static final int NO_STATUS = -1;

	}

}
