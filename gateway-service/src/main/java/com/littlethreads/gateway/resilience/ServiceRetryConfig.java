package com.littlethreads.gateway.resilience;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code ServiceRetry} route filter: Spring Cloud Gateway's {@code Retry}, the same
 * arguments and the same retries, around only the requests whose method it may retry.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRetryConfig {

	@Bean
	ServiceRetryGatewayFilterFactory serviceRetryGatewayFilterFactory() {
		return new ServiceRetryGatewayFilterFactory();
	}

	/**
	 * Gateway's own filter puts every request under its retry and repeat operators, with
	 * a retry specification built anew for the request, and only then declines to retry a
	 * method it was not given. Each route has two (reads; and writes that a refused
	 * connection never delivered), so every request paid for a retry that could not
	 * happen. Here a request of another method goes straight on.
	 */
	static class ServiceRetryGatewayFilterFactory extends RetryGatewayFilterFactory {

		@Override
		public String name() {
			return "ServiceRetry";
		}

		@Override
		public GatewayFilter apply(RetryConfig config) {
			GatewayFilter retry = super.apply(config);
			Set<HttpMethod> methods = Set.copyOf(config.getMethods());
			return new GatewayFilter() {

				@Override
				public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
					return methods.contains(exchange.getRequest().getMethod()) ? retry.filter(exchange, chain)
							: chain.filter(exchange);
				}

				@Override
				public String toString() {
					return retry.toString();
				}

			};
		}

	}

}
