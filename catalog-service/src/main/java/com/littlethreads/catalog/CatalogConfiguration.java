package com.littlethreads.catalog;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import com.littlethreads.platform.security.AccessRules;

/**
 * Who may call what, HTTP caching and the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The storefront reads the catalog anonymously; only admins change it. The public
	 * area is open to every method, so a wrong method gets an honest 405 rather than a
	 * 401.
	 */
	@Bean
	AccessRules catalogAccessRules() {
		return (requests) -> requests.requestMatchers("/api/catalog/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/catalog/**")
			.permitAll();
	}

	/**
	 * Strong ETags from the response body on public catalog reads, so a CDN or browser
	 * revalidates with If-None-Match and gets 304. Responses marked no-store
	 * (availability, admin) get none.
	 */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/catalog/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	OpenAPI catalogOpenApi(@Value("${catalog.public-url:http://localhost:8080}") String publicUrl) {
		return new OpenAPI().info(new Info().title("Little Threads catalog API").version("v1").description("""
				The children's-clothing catalog the storefront is built on.

				**Listing** `GET /api/catalog/products` takes the query parameters `category`, \
				`gender`, `size`, `colour` (each repeatable: values of one parameter are ORed, \
				parameters are ANDed), `minPrice` and `maxPrice` (minor units, inclusive), \
				`inStock`, `q` (matched literally, case-insensitively, against name and \
				description), `sort` (`newest`, `price-asc`, `price-desc`, `name`), `page` \
				(0-based) and `pageSize` (1..100, default 24). The response is \
				`{items, page, pageSize, total, facets}`; `facets` maps `category`, `gender`, \
				`size` and `colour` to `[{value, count}]`, each counted under every current \
				filter except its own, so a sidebar can offer the alternatives.

				`size`, `colour` and `inStock` apply to one variant together: `size=4T&colour=red&inStock=true` \
				finds products with a red 4T in stock.

				Errors are `application/problem+json` (RFC 9457) with a stable `type`, a \
				`title`, a `detail` and the `requestId`. Product and list responses carry \
				strong ETags and a short public max-age; availability is never cached.

				**Variants** `GET /api/catalog/variants?sku=A&sku=B` (1 to 50 SKUs) answers the \
				authoritative price and live stock of variants of active products; unknown or \
				inactive SKUs are simply absent. Never cached.

				**Not described here:** the internal stock reservation API under \
				`/internal/inventory/**`, which payment-service calls with a service token (scope \
				`inventory:reserve`). The gateway never routes it and no browser may call it, so it \
				has no place in the public document this server list points at; \
				docs/inventory-api.md in the repository describes it.""")).addServersItem(new Server().url(publicUrl));
	}

}
