package com.littlethreads.gateway.cors;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A {@link CorsWebFilter} rather than the gateway's {@code globalcors}: a web filter sees
 * every request before routing, so a preflight is answered here and never proxied, and a
 * disallowed origin is refused (403) before it reaches a service.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

	@Bean
	OrderedCorsWebFilter corsWebFilter(CorsProperties properties) {
		CorsConfiguration config = new CorsConfiguration();
		config.setAllowedOrigins(properties.allowedOrigins());
		// The refresh token is a cookie, and the storefront signs in from its own origin.
		config.setAllowCredentials(true);
		config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
		config.setExposedHeaders(List.of("X-Request-Id", "ETag", "Location", "Retry-After"));
		config.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", config);
		source.registerCorsConfiguration("/.well-known/jwks.json", config);
		return new OrderedCorsWebFilter(source);
	}

	/**
	 * Drops the services' own {@code Access-Control-*} headers from proxied responses, so
	 * that the gateway's are the only ones: a second (or wildcard) value would make the
	 * browser refuse the response.
	 */
	@Bean
	HttpHeadersFilter upstreamCorsHeadersFilter() {
		return new HttpHeadersFilter() {

			@Override
			public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
				HttpHeaders filtered = new HttpHeaders();
				input.forEach((name, values) -> {
					if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
						filtered.addAll(name, values);
					}
				});
				return filtered;
			}

			@Override
			public boolean supports(Type type) {
				return type == Type.RESPONSE;
			}

		};
	}

	/**
	 * Right after the request id filter, so that a refused or preflight answer still
	 * carries the id.
	 */
	static class OrderedCorsWebFilter implements WebFilter, Ordered {

		private final CorsWebFilter delegate;

		OrderedCorsWebFilter(UrlBasedCorsConfigurationSource source) {
			this.delegate = new CorsWebFilter(source);
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return this.delegate.filter(exchange, chain);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE + 10;
		}

	}

}
