package com.littlethreads.user;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.littlethreads.platform.security.AccessRules;

/**
 * Who may call what, password hashing and the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
public class UserConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Delegating, so stored hashes name their algorithm and can be upgraded later; bcrypt
	 * today.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AccessRules userAccessRules() {
		return (requests) -> requests
			.requestMatchers("/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
					"/.well-known/jwks.json", "/oauth2/token")
			.permitAll()
			.requestMatchers("/api/users/admin/**")
			.hasRole("ADMIN");
	}

	/**
	 * {@code default}, the older name of an address's {@code isDefault} (a Jackson
	 * alias), is still read: the document says so, so that the request checks accept it
	 * too.
	 */
	@Bean
	OpenApiCustomizer addressDefaultAlias() {
		return (api) -> {
			Schema<?> request = api.getComponents().getSchemas().get("AddressRequest");
			if (request != null) {
				request.addProperty("default", new BooleanSchema().deprecated(true)
					.description("The older name of `isDefault`, still read; send `isDefault`"));
			}
		};
	}

	@Bean
	OpenAPI userOpenApi(@Value("${users.public-url:http://localhost:8080}") String publicUrl) {
		return new OpenAPI().info(new Info().title("Little Threads accounts API").version("v1").description("""
				Accounts and sign-in for the storefront.

				`POST /api/auth/login` (and `/refresh`) answers `{accessToken, tokenType: "Bearer", \
				expiresIn}`: an RS256 JWT for the `Authorization: Bearer` header, valid for at most \
				15 minutes. The refresh token comes as an HttpOnly, SameSite=Strict cookie scoped to \
				`/api/auth`; `/api/auth/refresh` reads it (or `{"refreshToken"}` in the body, for API \
				clients) and rotates it. Reusing a rotated refresh token revokes its whole family.

				Services verify access tokens against `/.well-known/jwks.json`.

				Errors are `application/problem+json` (RFC 9457) with a stable `type`."""))
			.addServersItem(new Server().url(publicUrl));
	}

}
