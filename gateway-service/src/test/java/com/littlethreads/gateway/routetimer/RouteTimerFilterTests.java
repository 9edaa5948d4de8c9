package com.littlethreads.gateway.routetimer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.tagsprovider.GatewayHttpTagsProvider;
import org.springframework.cloud.gateway.support.tagsprovider.GatewayRouteTagsProvider;
import org.springframework.cloud.gateway.support.tagsprovider.PropertiesTagsProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * The route timer records what Spring Cloud Gateway's own did, under the same name and
 * tags, with one timer per route, method and status.
 */
class RouteTimerFilterTests {

	private static final Route CATALOG = Route.async()
		.id("catalog")
		.uri("lb://catalog-service")
		.predicate(exchange -> true)
		.build();

	private final MockClock clock = new MockClock();

	private final MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final RouteTimerFilter filter = new RouteTimerFilter(this.registry, "spring.cloud.gateway.",
			Map.of("region", "eu"));

	/**
	 * Gateway's tag providers are the reference: the tags they give the same exchange,
	 * with the configured fixed tags.
	 */
	@ParameterizedTest
	@CsvSource(nullValues = "none", textBlock = """
			GET,    200,  catalog
			POST,   201,  catalog
			GET,    404,  catalog
			DELETE, 503,  catalog
			GET,    599,  catalog
			GET,    none, catalog
			GET,    200,  none
			""")
	void tagsAreGatewaysOwn(String method, Integer status, String route) {
		ServerWebExchange exchange = exchange(HttpMethod.valueOf(method), route != null);

		run(exchange, status);

		Tags expected = new GatewayHttpTagsProvider().and(new GatewayRouteTagsProvider())
			.and(new PropertiesTagsProvider(Map.of("region", "eu")))
			.apply(exchange);
		Timer timer = this.registry.get("spring.cloud.gateway.requests").timer();
		assertThat(timer.getId().getTags()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(timer.count()).isEqualTo(1);
	}

	@Test
	void theTimeIsFromTheFilterToTheCommit() {
		ServerWebExchange exchange = exchange(HttpMethod.GET, true);
		GatewayFilterChain slowService = (ex) -> {
			this.clock.add(Duration.ofMillis(120));
			ex.getResponse().setStatusCode(HttpStatusCode.valueOf(200));
			return ex.getResponse().setComplete();
		};

		StepVerifier.create(this.filter.filter(exchange, slowService)).verifyComplete();

		Timer timer = this.registry.get("spring.cloud.gateway.requests").timer();
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
	}

	@Test
	void aResponseNotYetCommittedIsTimedWhenItIsWithItsFinalStatus() {
		ServerWebExchange exchange = exchange(HttpMethod.GET, true);
		// The chain completes before the response is written (an error handler's answer).
		StepVerifier.create(this.filter.filter(exchange, (ex) -> Mono.empty())).verifyComplete();
		assertThat(this.registry.find("spring.cloud.gateway.requests").timer()).isNull();

		this.clock.add(Duration.ofMillis(30));
		exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(504));
		exchange.getResponse().setComplete().block();

		Timer timer = this.registry.get("spring.cloud.gateway.requests").tag("httpStatusCode", "504").timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
	}

	@Test
	void aFailedChainIsTimedToo() {
		ServerWebExchange exchange = exchange(HttpMethod.GET, true);

		StepVerifier.create(this.filter.filter(exchange, (ex) -> Mono.error(new IllegalStateException("broken"))))
			.verifyError(IllegalStateException.class);
		exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(500));
		exchange.getResponse().setComplete().block();

		assertThat(this.registry.get("spring.cloud.gateway.requests").tag("outcome", "SERVER_ERROR").timer().count())
			.isEqualTo(1);
	}

	@Test
	void oneTimerForEachRouteMethodAndStatus() {
		for (int i = 0; i < 3; i++) {
			run(exchange(HttpMethod.GET, true), 200);
		}
		run(exchange(HttpMethod.HEAD, true), 200);
		run(exchange(HttpMethod.GET, true), 404);

		assertThat(this.registry.get("spring.cloud.gateway.requests").timers()).hasSize(3);
		assertThat(this.registry.get("spring.cloud.gateway.requests")
			.tags("httpMethod", "GET", "httpStatusCode", "200")
			.timer()
			.count()).isEqualTo(3);
	}

	@Test
	void inventedMethodsShareOneTimer() {
		run(exchange(HttpMethod.valueOf("BREW"), true), 405);
		run(exchange(HttpMethod.valueOf("PROPFIND"), true), 405);

		assertThat(this.registry.get("spring.cloud.gateway.requests").timers()).singleElement()
			.satisfies((timer) -> assertThat(timer.getId().getTag("httpMethod")).isEqualTo("UNKNOWN"))
			.satisfies((timer) -> assertThat(timer.count()).isEqualTo(2));
	}

	private ServerWebExchange exchange(HttpMethod method, boolean routed) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.method(method, "http://gateway/api/catalog/products"));
		if (routed) {
			exchange.getAttributes().put(GATEWAY_ROUTE_ATTR, CATALOG);
		}
		return exchange;
	}

	private void run(ServerWebExchange exchange, Integer status) {
		GatewayFilterChain service = (ex) -> {
			if (status != null) {
				ex.getResponse().setStatusCode(HttpStatusCode.valueOf(status));
			}
			return ex.getResponse().setComplete();
		};
		StepVerifier.create(this.filter.filter(exchange, service)).verifyComplete();
	}

}
