package com.littlethreads.gateway.resilience;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.littlethreads.gateway.resilience.ServiceRetryConfig.ServiceRetryGatewayFilterFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter alone; the routes' retries end to end are in {@code upstream.RetryTests}.
 */
class ServiceRetryTests {

	private final RetryConfig writesRefused = new RetryConfig().setRetries(2)
		.setMethods(HttpMethod.POST)
		.setStatuses()
		.setSeries()
		.setExceptions(ConnectException.class);

	@Test
	void aRequestOfAMethodItDoesNotRetryGoesStraightOnUnwrapped() {
		Mono<Void> downstream = Mono.empty();
		GatewayFilterChain chain = (exchange) -> downstream;
		MockServerWebExchange read = MockServerWebExchange.from(MockServerHttpRequest.get("/api/catalog/products"));

		assertThat(filter(new ServiceRetryGatewayFilterFactory()).filter(read, chain)).isSameAs(downstream);
		// What Gateway's own filter does, and this one does not.
		assertThat(filter(new RetryGatewayFilterFactory()).filter(read, chain)).isNotSameAs(downstream);
	}

	@Test
	void aRequestOfAMethodItRetriesIsRetriedAsByGatewaysOwnFilter() {
		AtomicInteger attempts = new AtomicInteger();
		GatewayFilterChain refusedOnce = (exchange) -> Mono.defer(() -> (attempts.incrementAndGet() == 1)
				? Mono.error(new ConnectException("Connection refused")) : Mono.empty());
		MockServerWebExchange write = MockServerWebExchange.from(MockServerHttpRequest.post("/api/checkout"));

		StepVerifier.create(filter(new ServiceRetryGatewayFilterFactory()).filter(write, refusedOnce)).verifyComplete();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aRetryThatRunsOutEndsWithTheLastFailure() {
		GatewayFilterChain refused = (exchange) -> Mono.error(new ConnectException("Connection refused"));
		MockServerWebExchange write = MockServerWebExchange.from(MockServerHttpRequest.post("/api/checkout"));

		StepVerifier.create(filter(new ServiceRetryGatewayFilterFactory()).filter(write, refused))
			.verifyError(ConnectException.class);
	}

	@Test
	void isNamedForTheRoutes() {
		assertThat(new ServiceRetryGatewayFilterFactory().name()).isEqualTo("ServiceRetry");
	}

	private GatewayFilter filter(RetryGatewayFilterFactory factory) {
		factory.setApplicationEventPublisher((event) -> {
		});
		this.writesRefused.setRouteId("checkout");
		return factory.apply(this.writesRefused);
	}

}
