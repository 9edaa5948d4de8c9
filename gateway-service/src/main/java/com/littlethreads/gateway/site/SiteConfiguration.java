package com.littlethreads.gateway.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes every GET and HEAD outside the reserved prefixes to the storefront's files, with
 * the headers the site's build wrote for every page ({@link SiteHeaders}). Router
 * functions are consulted before the gateway's routes, so the reserved prefixes (the API,
 * the key set, actuator and API docs) are excluded here: whatever files the site
 * directory holds, those paths always reach the gateway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${littlethreads.site.dir:}'.trim() != ''")
class SiteConfiguration {

	static final List<String> RESERVED = List.of("/api", "/.well-known", "/actuator", "/v3/api-docs", "/swagger-ui",
			"/swagger-ui.html", "/webjars");

	@Bean
	SiteFiles siteFiles(SiteProperties properties) {
		return new SiteFiles(Path.of(properties.dir()));
	}

	@Bean
	RouterFunction<ServerResponse> storefront(SiteFiles files, SiteProperties properties) {
		Map<String, String> everyPage = SiteHeaders.everyPage(Path.of(properties.dir()));
		// On the exchange, before the page is served: its 404 page, redirects and 304s
		// carry them too. Only the storefront's answers: the API and the Swagger UI have
		// other needs (the Swagger UI runs inline scripts).
		return RouterFunctions.route(sitePath(), files::serve).filter((request, next) -> {
			HttpHeaders headers = request.exchange().getResponse().getHeaders();
			everyPage.forEach(headers::set);
			return next.handle(request);
		});
	}

	static RequestPredicate sitePath() {
		return (request) -> (HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method()))
				&& !reserved(request.requestPath().pathWithinApplication().value());
	}

	static boolean reserved(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		return RESERVED.stream().anyMatch((prefix) -> lower.equals(prefix) || lower.startsWith(prefix + "/"));
	}

}
