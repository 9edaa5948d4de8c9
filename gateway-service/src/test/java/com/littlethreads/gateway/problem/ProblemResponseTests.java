package com.littlethreads.gateway.problem;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.GatewayTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway answers itself. The catalog route points at a port nothing listens on,
 * as when catalog-service is down.
 */
@GatewayTest
class ProblemResponseTests {

	private static final int CLOSED_PORT = TestSocketUtils.findAvailableTcpPort();

	@DynamicPropertySource
	static void catalogAndPaymentsAreDown(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.routes.catalog-uris", () -> "http://127.0.0.1:" + CLOSED_PORT);
		registry.add("littlethreads.routes.payment-uris", () -> "http://127.0.0.1:" + CLOSED_PORT);
	}

	@Autowired
	WebTestClient client;

	@Test
	void unknownPathIsNotFoundProblem() {
		this.client.get()
			.uri("/nope")
			.header("X-Request-Id", "trace-42")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Request-Id", "trace-42")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/not-found")
			.jsonPath("$.title")
			.isEqualTo("Not found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("No resource exists at this address.")
			.jsonPath("$.instance")
			.isEqualTo("/nope")
			.jsonPath("$.requestId")
			.isEqualTo("trace-42");
	}

	@Test
	void unsupportedMethodOnGatewayEndpointIsMethodNotAllowedProblem() {
		this.client.post()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value("Allow", (allow) -> assertThat(allow).contains("GET"))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/method-not-allowed")
			.jsonPath("$.status")
			.isEqualTo(405);
	}

	@Test
	void serviceThatRefusesConnectionsIsServiceUnavailableProblemNamingNoHost() {
		String body = new String(this.client.get()
			.uri("/api/catalog/products")
			.header("X-Request-Id", "trace-43")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/service-unavailable")
			.jsonPath("$.title")
			.isEqualTo("Service unavailable")
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.detail")
			.isEqualTo("The service behind this address is not reachable right now. Try again shortly.")
			.jsonPath("$.instance")
			.isEqualTo("/api/catalog/products")
			.jsonPath("$.requestId")
			.isEqualTo("trace-43")
			.returnResult()
			.getResponseBodyContent());
		assertThat(body).doesNotContainIgnoringCase("refused")
			.doesNotContain("127.0.0.1")
			.doesNotContain("localhost")
			.doesNotContain(String.valueOf(CLOSED_PORT))
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void checkoutWhilePaymentServiceIsDownIsServiceUnavailableProblem() {
		this.client.post()
			.uri("/api/checkout")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"lines\":[]}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/service-unavailable")
			.jsonPath("$.instance")
			.isEqualTo("/api/checkout");
	}

	@Test
	void unexpectedFailureIsInternalErrorProblemWithoutTheExceptionMessage() {
		String body = new String(this.client.get()
			.uri("/test/failing")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/internal-error")
			.jsonPath("$.detail")
			.isEqualTo("Something went wrong on our side. Quote the request id if you contact us.")
			.returnResult()
			.getResponseBodyContent());

		assertThat(body).doesNotContain("secret-db-host").doesNotContain("IllegalStateException");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingRoute {

		@Bean
		RouteLocator failingRoute(RouteLocatorBuilder routes) {
			// A bug inside the gateway, with a message that must stay in the log.
			return routes.routes()
				.route("failing",
						(route) -> route.path("/test/failing")
							.filters((filters) -> filters.filter((exchange, chain) -> Mono
								.error(new IllegalStateException("cannot reach secret-db-host:5432"))))
							.uri("http://127.0.0.1:" + CLOSED_PORT))
				.build();
		}

	}

}
