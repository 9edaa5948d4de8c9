package com.littlethreads.gateway.upstream;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerUriTools;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import com.littlethreads.platform.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

/**
 * What the load balancer does to one request routed to {@code lb://}: the URI it sends it
 * to, and what it learns when the request fails.
 */
class LoadBalancerFilterTests {

	private final ServiceInstance first = new DefaultServiceInstance("catalog-service-0", "catalog-service",
			"127.0.0.1", 9000, false);

	private final ServiceInstance second = new DefaultServiceInstance("catalog-service-1", "catalog-service",
			"127.0.0.2", 9001, false);

	private final ReachableInstances catalog = new ReachableInstances("catalog-service",
			Flux.just(List.of(this.first, this.second)), List.of(this.first, this.second), Duration.ofSeconds(5),
			new MutableClock());

	private final LoadBalancerFilter filter = new LoadBalancerFilter(Map.of("catalog-service", this.catalog));

	/**
	 * Spring Cloud's own way of putting a request on an instance is the reference: the
	 * same URI, built without a {@code UriComponentsBuilder}.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://gateway/api/catalog/products                              | 10.0.0.7  | 8082 | false
			http://gateway/api/catalog/products?page=2&size=24               | 10.0.0.7  | 8082 | false
			http://gateway/api/catalog/products/t%C3%A9e%2Fshirt?q=a%20b%26c | 10.0.0.7  | 8082 | false
			http://gateway/api/catalog/search?q=%E2%9C%93&sort=price,asc     | catalog   | 443  | true
			http://gateway/                                                  | catalog   | 80   | false
			http://gateway/api/orders?                                       | [::1]     | 8083 | false
			http://gateway/api/orders/42                                     | [fe80::1] | 8443 | true
			""")
	void theRequestGoesToTheInstanceWithItsPathAndQueryAsTheyArrived(String request, String host, int port,
			boolean secure) {
		ServiceInstance instance = new DefaultServiceInstance("catalog-service-0", "catalog-service", host, port,
				secure);
		URI requestUri = URI.create(request);

		URI uri = LoadBalancerFilter.at(instance, requestUri);

		assertThat(uri).isEqualTo(LoadBalancerUriTools.reconstructURI(instance, requestUri));
		assertThat(uri.toString()).isEqualTo(LoadBalancerUriTools.reconstructURI(instance, requestUri).toString());
	}

	@Test
	void anIpv6HostWithoutBracketsGetsThem() {
		ServiceInstance instance = new DefaultServiceInstance("catalog-service-0", "catalog-service", "::1", 8082,
				false);

		assertThat(LoadBalancerFilter.at(instance, URI.create("http://gateway/api/catalog/products?page=1")))
			.hasToString("http://[::1]:8082/api/catalog/products?page=1");
	}

	@Test
	void aRequestRoutedToAServiceGoesToEachInstanceInTurn() {
		List<URI> sentTo = new ArrayList<>();
		GatewayFilterChain chain = (exchange) -> {
			sentTo.add(exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR));
			return Mono.empty();
		};

		for (int i = 0; i < 4; i++) {
			ServerWebExchange exchange = routed("lb://catalog-service/api/catalog/products?page=1");
			StepVerifier.create(this.filter.filter(exchange, chain)).verifyComplete();
			Set<URI> original = exchange.getAttribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
			assertThat(original).containsExactly(URI.create("lb://catalog-service/api/catalog/products?page=1"));
		}

		assertThat(sentTo).containsOnly(URI.create("http://127.0.0.1:9000/api/catalog/products?page=1"),
				URI.create("http://127.0.0.2:9001/api/catalog/products?page=1"));
		assertThat(sentTo.get(1)).isNotEqualTo(sentTo.get(0));
		assertThat(sentTo.get(2)).isEqualTo(sentTo.get(0));
	}

	@Test
	void anInstanceThatRefusedTheConnectionIsSetAside() {
		ServerWebExchange exchange = routed("lb://catalog-service/api/catalog/products");
		GatewayFilterChain refused = (routedExchange) -> Mono.error(new ConnectException("Connection refused"));

		StepVerifier.create(this.filter.filter(exchange, refused)).verifyError(ConnectException.class);

		URI sentTo = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
		ServiceInstance other = (sentTo.getPort() == this.first.getPort()) ? this.second : this.first;
		assertThat(this.catalog.candidates()).containsExactly(other);
	}

	@Test
	void aRequestNotRoutedToAServiceIsLeftAlone() {
		ServerWebExchange exchange = routed("http://127.0.0.1:8082/api/catalog/products");
		List<URI> sentTo = new ArrayList<>();

		StepVerifier.create(this.filter.filter(exchange, (routedExchange) -> {
			sentTo.add(routedExchange.getAttribute(GATEWAY_REQUEST_URL_ATTR));
			return Mono.empty();
		})).verifyComplete();

		assertThat(sentTo).containsExactly(URI.create("http://127.0.0.1:8082/api/catalog/products"));
		assertThat((Object) exchange.getAttribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR)).isNull();
	}

	@Test
	void aServiceWithNoInstancesIsUnavailable() {
		ServerWebExchange exchange = routed("lb://inventory-service/api/inventory");

		StepVerifier.create(this.filter.filter(exchange, (routedExchange) -> Mono.empty()))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(NotFoundException.class,
					(notFound) -> assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)));
	}

	/**
	 * An exchange as Gateway's route-to-URL filter leaves it: the route's URI with the
	 * request's path and query.
	 */
	private static ServerWebExchange routed(String url) {
		URI routed = URI.create(url);
		String pathAndQuery = routed.getRawPath() + ((routed.getRawQuery() != null) ? "?" + routed.getRawQuery() : "");
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://localhost:8080" + pathAndQuery));
		exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, routed);
		return exchange;
	}

}
