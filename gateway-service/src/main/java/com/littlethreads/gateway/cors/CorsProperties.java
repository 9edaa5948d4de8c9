package com.littlethreads.gateway.cors;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which browser origins may call the API with credentials.
 *
 * @param allowedOrigins exact origins ({@code https://www.littlethreads.shop}); never a
 * wildcard, since the auth cookie travels with these requests
 */
@ConfigurationProperties("littlethreads.cors")
record CorsProperties(List<String> allowedOrigins) {

	CorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

}
