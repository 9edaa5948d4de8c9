package com.littlethreads.gateway.site;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Routes every GET and HEAD outside the reserved paths to the storefront's files, with
 * the headers the site's build wrote for every page ({@link SiteHeaders}). Router
 * functions are consulted before the gateway's routes, so the reserved paths are excluded
 * here: every path of every gateway route (read from the route definitions, so that a new
 * route can never be shadowed by the storefront's 404 page, as the OpenAPI documents'
 * {@code /openapi/*} once were) and the gateway's own prefixes (actuator, the Swagger
 * UI). Whatever files the site directory holds, those paths always reach the gateway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${littlethreads.site.dir:}'.trim() != ''")
class SiteConfiguration {

	/**
	 * The gateway's own paths, which no route names.
	 */
	static final List<String> RESERVED = List.of("/api", "/.well-known", "/actuator", "/v3/api-docs", "/swagger-ui",
			"/swagger-ui.html", "/webjars");

	@Bean
	RouterFunction<ServerResponse> storefront(SiteProperties properties, GatewayProperties gateway) {
		Map<String, String> everyPage = SiteHeaders.everyPage(Path.of(properties.dir()));
		// Not a bean: only this function uses it, and it initialises itself.
		SiteFiles files = new SiteFiles(Path.of(properties.dir()));
		// Headers go on the exchange before the page is served, so that its 404 page,
		// redirects and 304s carry them too; only the storefront's answers get them (the
		// API and the Swagger UI have other needs: the Swagger UI runs inline scripts).
		// The library's handler writes the answer itself, so the function returns none.
		return RouterFunctions
			.route(sitePath(routePaths(gateway)), (request) -> files.handle(request.exchange()).then(Mono.empty()))
			.filter((request, next) -> {
				HttpHeaders headers = request.exchange().getResponse().getHeaders();
				everyPage.forEach(headers::set);
				return next.handle(request);
			});
	}

	static RequestPredicate sitePath(List<PathPattern> routes) {
		return (request) -> (HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method()))
				&& !reserved(request.requestPath().pathWithinApplication().value(), routes);
	}

	static boolean reserved(String path, List<PathPattern> routes) {
		String lower = path.toLowerCase(Locale.ROOT);
		if (RESERVED.stream().anyMatch((prefix) -> lower.equals(prefix) || lower.startsWith(prefix + "/"))) {
			return true;
		}
		PathContainer container = PathContainer.parsePath(path);
		PathContainer lowerContainer = PathContainer.parsePath(lower);
		return routes.stream().anyMatch((route) -> route.matches(container) || route.matches(lowerContainer));
	}

	/**
	 * The path patterns of every route's {@code Path} predicate.
	 */
	static List<PathPattern> routePaths(GatewayProperties gateway) {
		return gateway.getRoutes()
			.stream()
			.flatMap((route) -> route.getPredicates().stream())
			.filter((predicate) -> "Path".equals(predicate.getName()))
			.flatMap((predicate) -> predicate.getArgs().values().stream())
			.flatMap((patterns) -> Arrays.stream(patterns.split(",")))
			.map(String::trim)
			.filter((pattern) -> !pattern.isEmpty())
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

}
