package com.littlethreads.gateway.cors;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.littlethreads.gateway.headers.HeaderCopies;

/**
 * Spring's CORS processing in a web filter rather than the gateway's {@code globalcors}:
 * a web filter sees every request before routing, so a preflight is answered here and
 * never proxied, and a disallowed origin is refused (403) before it reaches a service.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

	private static final String CORS_HEADER_PREFIX = "Access-Control-";

	private static final List<String> CORS_RESPONSE_HEADERS = List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
			HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
			HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
			HttpHeaders.ACCESS_CONTROL_MAX_AGE, "Access-Control-Allow-Private-Network");

	@Bean
	StorefrontCorsFilter corsWebFilter(CorsProperties properties) {
		CorsConfiguration config = new CorsConfiguration();
		config.setAllowedOrigins(properties.allowedOrigins());
		// The refresh token is a cookie, and the storefront signs in from its own origin.
		config.setAllowCredentials(true);
		config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		// X-Order-Token: a guest reads and cancels their order with it. The rate-limit
		// headers tell a storefront on another origin how to pace itself
		// (docs/storefront-api.md).
		config.setAllowedHeaders(
				List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Order-Token", "X-Request-Id"));
		config.setExposedHeaders(List.of("X-Request-Id", "ETag", "Location", "Retry-After", "RateLimit-Limit",
				"RateLimit-Remaining", "RateLimit-Reset"));
		config.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", config);
		source.registerCorsConfiguration("/.well-known/jwks.json", config);
		return new StorefrontCorsFilter(source);
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
				// Most answers carry none, so the CORS headers a browser reads from a
				// response are looked up by name first; when there is one, every
				// Access-Control-* header goes.
				if (!HeaderCopies.anyPresent(input, CORS_RESPONSE_HEADERS)) {
					return input;
				}
				return HeaderCopies.without(input, CorsConfig::isCorsHeader);
			}

			@Override
			public boolean supports(Type type) {
				return type == Type.RESPONSE;
			}

		};
	}

	private static boolean isCorsHeader(String name) {
		return name.regionMatches(true, 0, CORS_HEADER_PREFIX, 0, CORS_HEADER_PREFIX.length());
	}

	/**
	 * Spring's {@code CorsWebFilter} decision, but a refusal is raised as an error so
	 * that the caller gets a 403 problem like every other refusal, not an empty body.
	 * Ordered right after the request id and security headers filters, so that every
	 * answer here carries them.
	 */
	static class StorefrontCorsFilter implements WebFilter, Ordered {

		private final CorsConfigurationSource source;

		private final CorsProcessor processor = new DefaultCorsProcessor();

		StorefrontCorsFilter(CorsConfigurationSource source) {
			this.source = source;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			CorsConfiguration config = this.source.getCorsConfiguration(exchange);
			if (!this.processor.process(config, exchange)) {
				return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
			}
			if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
				// Answered here: a preflight is the gateway's business, never a
				// service's.
				return Mono.empty();
			}
			return chain.filter(exchange);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE + 10;
		}

		/**
		 * Spring's filter chain asks each web filter for its name on every request, for a
		 * checkpoint: Object's own {@code toString} would build a new string each time.
		 */
		@Override
		public String toString() {
			return "StorefrontCorsFilter";
		}

	}

}
