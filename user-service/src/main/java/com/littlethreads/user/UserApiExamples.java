package com.littlethreads.user;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.littlethreads.platform.openapi.RequestBodyExamples;

/**
 * An example of every request body in user-service's document, as a storefront sends it.
 */
@Configuration(proxyBeanMethods = false)
class UserApiExamples {

	private static final String ADDRESS = """
			{"name": "Ada Lovelace", "line1": "12 Orchard Lane", "line2": "Flat 3", "city": "Bristol",
			 "postalCode": "BS1 4DJ", "country": "GB", "phone": "+44 20 7946 0958", "isDefault": true}""";

	private static final String REFRESH = """
			{"refreshToken": "Q2hvb3NlIGEgc2VjcmV0IHRoYXQgaXMgbG9uZw"}""";

	@Bean
	RequestBodyExamples userRequestBodyExamples() {
		return new RequestBodyExamples(Map.of("POST /api/auth/register", """
				{"email": "ada@example.com", "displayName": "Ada", "password": "saffron kettle meadow 44",
				 "marketingOptIn": false}""", "POST /api/auth/login", """
				{"email": "ada@example.com", "password": "saffron kettle meadow 44"}""", "POST /api/auth/refresh",
				REFRESH, "POST /api/auth/logout", REFRESH, "PATCH /api/users/me", """
						{"displayName": "Ada L.", "marketingOptIn": true}""", "PUT /api/users/me/password", """
						{"currentPassword": "saffron kettle meadow 44", "newPassword": "copper lantern orchard 71"}""",
				"POST /api/users/me/addresses", ADDRESS, "PUT /api/users/me/addresses/{id}", ADDRESS));
	}

}
