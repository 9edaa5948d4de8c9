package com.littlethreads.gateway.ratelimit;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests refused with 429, by the bucket that ran out ({@code client}, {@code sign-in},
 * {@code registration}, {@code checkout}) and by the route the request was for. The
 * filter runs before routing, so the route is named from the path by the same prefixes
 * the routes use; anything else is {@code other}.
 */
class RateLimitMeters {

	private final MeterRegistry registry;

	RateLimitMeters(MeterRegistry registry) {
		this.registry = registry;
		// Every series the edge dashboard reads exists from the start, at 0.
		for (String route : List.of("catalog", "users", "checkout", "payments", "other")) {
			counter("client", route);
		}
		counter("sign-in", "users");
		counter("registration", "users");
		counter("checkout", "checkout");
	}

	void refused(String limit, String path) {
		counter(limit, route(path)).increment();
	}

	private Counter counter(String limit, String route) {
		return Counter.builder("gateway.rate.limit.refusals")
			.description("Requests refused with 429, by the bucket that ran out and the route")
			.tag("limit", limit)
			.tag("route", route)
			.register(this.registry);
	}

	static String route(String path) {
		if (path.startsWith("/api/catalog/")) {
			return "catalog";
		}
		if (path.startsWith("/api/users/") || path.startsWith("/api/auth/") || path.equals("/.well-known/jwks.json")) {
			return "users";
		}
		if (path.equals("/api/checkout") || path.startsWith("/api/checkout/")) {
			return "checkout";
		}
		if (path.startsWith("/api/orders/") || path.startsWith("/api/payments/")) {
			return "payments";
		}
		return "other";
	}

}
