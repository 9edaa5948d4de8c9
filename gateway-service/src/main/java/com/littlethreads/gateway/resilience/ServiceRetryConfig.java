package com.littlethreads.gateway.resilience;

import java.net.ConnectException;
import java.util.List;
import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The {@code ServiceRetry} route filter. It takes the arguments of Spring Cloud Gateway's
 * {@code Retry} ({@link RetryConfig}: retries, methods, statuses, series, exceptions,
 * backoff, jitter, timeout) and retries as it does, at a fraction of the cost on the
 * request that needs no retry, which is nearly every request (see {@link ServiceRetry}).
 */
@Configuration(proxyBeanMethods = false)
class ServiceRetryConfig {

	@Bean
	ServiceRetryGatewayFilterFactory serviceRetryGatewayFilterFactory() {
		return new ServiceRetryGatewayFilterFactory();
	}

	static class ServiceRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

		private static final Set<HttpMethod> METHODS_WITH_BODIES = Set.of(HttpMethod.POST, HttpMethod.PUT,
				HttpMethod.PATCH, HttpMethod.DELETE);

		ServiceRetryGatewayFilterFactory() {
			super(RetryConfig.class);
		}

		@Override
		public String name() {
			return "ServiceRetry";
		}

		@Override
		public List<String> shortcutFieldOrder() {
			return List.of("retries", "statuses", "methods", "backoff.firstBackoff", "backoff.maxBackoff",
					"backoff.factor", "backoff.basedOnPreviousValue", "jitter.randomFactor", "timeout");
		}

		/**
		 * Unlike Gateway's {@code Retry}, this does not ask Gateway to buffer the route's
		 * request bodies (its {@code EnableBodyCachingEvent}), which it would then do for
		 * every request of the route, reads included. A write is retried only when its
		 * connection was refused (the routes' {@code exceptions:
		 * java.net.ConnectException}), and a refused connection never read the body, so
		 * the next attempt sends it from the start ({@code upstream.RetryTests}). A route
		 * that asked for more than that for a method with a body is refused at start-up.
		 */
		@Override
		public GatewayFilter apply(RetryConfig config) {
			config.validate();
			boolean bodies = config.getMethods().stream().anyMatch(METHODS_WITH_BODIES::contains);
			boolean onlyRefusals = config.getStatuses().isEmpty() && config.getSeries().isEmpty()
					&& config.getExceptions().stream().allMatch(ConnectException.class::isAssignableFrom);
			Assert.isTrue(!bodies || onlyRefusals, () -> "ServiceRetry on route " + config.getRouteId()
					+ ": POST, PUT, PATCH and DELETE may be retried only on java.net.ConnectException (a refused "
					+ "connection), since their bodies are not kept for a second attempt");
			return new ServiceRetry(config);
		}

	}

}
