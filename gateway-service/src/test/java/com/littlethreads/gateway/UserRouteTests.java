package com.littlethreads.gateway;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and sign-in go to user-service unchanged: paths, queries, bodies, and the
 * refresh-token cookie in both directions, since the browser keeps it and only
 * user-service reads it.
 */
class UserRouteTests extends UpstreamGatewayTest {

	private static final String REFRESH_COOKIE = "lt_refresh=0pQ3c8fJx0dB5v2nU9kZ7wQeR4tY6uI1oP3aS5dF7gH; Path=/api/auth; "
			+ "Max-Age=2592000; Expires=Sat, 26 Dec 2026 16:00:00 GMT; HttpOnly; SameSite=Strict";

	private static final String TOKENS = """
			{"accessToken":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","tokenType":"Bearer","expiresIn":900}""";

	@Test
	void registrationIsProxiedWithPathQueryAndBodyUnchanged() {
		String registration = """
				{"email":"ada@example.com","displayName":"Ada","password":"correct horse battery staple"}""";
		String profile = """
				{"id":"u-1","email":"ada@example.com","displayName":"Ada","roles":["CUSTOMER"]}""";
		upstream
			.stubFor(post(urlEqualTo("/api/auth/register?source=checkout")).withRequestBody(equalToJson(registration))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withHeader("Location", "/api/users/me")
					.withBody(profile)));

		this.client.post()
			.uri("/api/auth/register?source=checkout")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/api/users/me")
			.expectBody(String.class)
			.isEqualTo(profile);
		upstream.verify(1,
				postRequestedFor(urlEqualTo("/api/auth/register?source=checkout"))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson(registration)));
	}

	@Test
	void signInReturnsTheRefreshCookieExactlyAsUserServiceSetIt() {
		upstream.stubFor(post(urlEqualTo("/api/auth/login")).willReturn(
				okJson(TOKENS).withHeader("Set-Cookie", REFRESH_COOKIE).withHeader("Cache-Control", "no-store")));

		this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("Set-Cookie", Pattern.quote(REFRESH_COOKIE))
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.expectBody(String.class)
			.isEqualTo(TOKENS);
		upstream.verify(1, postRequestedFor(urlEqualTo("/api/auth/login")).withRequestBody(
				equalToJson("{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\"}")));
	}

	@Test
	void refreshSendsTheBrowsersCookiesToUserServiceUnchanged() {
		String cookies = "lt_refresh=0pQ3c8fJx0dB5v2nU9kZ7wQeR4tY6uI1oP3aS5dF7gH; lt_theme=dark";
		String rotated = "lt_refresh=Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8Ba7Zy6Xw; Path=/api/auth; Max-Age=2592000; "
				+ "HttpOnly; SameSite=Strict";
		upstream.stubFor(post(urlEqualTo("/api/auth/refresh")).withHeader("Cookie", equalTo(cookies))
			.willReturn(okJson(TOKENS).withHeader("Set-Cookie", rotated)));

		this.client.post()
			.uri("/api/auth/refresh")
			.header("Cookie", cookies)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("Set-Cookie", Pattern.quote(rotated))
			.expectBody(String.class)
			.isEqualTo(TOKENS);
		upstream.verify(1, postRequestedFor(urlEqualTo("/api/auth/refresh")).withHeader("Cookie", equalTo(cookies)));
	}

	@Test
	void signOutClearsTheCookieThroughTheGateway() {
		String cleared = "lt_refresh=; Path=/api/auth; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; "
				+ "SameSite=Strict";
		upstream.stubFor(post(urlEqualTo("/api/auth/logout"))
			.willReturn(aResponse().withStatus(204).withHeader("Set-Cookie", cleared)));

		this.client.post()
			.uri("/api/auth/logout")
			.header("Cookie", "lt_refresh=0pQ3c8fJx0dB5v2nU9kZ7wQeR4tY6uI1oP3aS5dF7gH")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.valuesMatch("Set-Cookie", Pattern.quote(cleared));
		upstream.verify(1, postRequestedFor(urlEqualTo("/api/auth/logout")).withHeader("Cookie",
				equalTo("lt_refresh=0pQ3c8fJx0dB5v2nU9kZ7wQeR4tY6uI1oP3aS5dF7gH")));
	}

	@Test
	void profileRequestIsProxiedWithItsBearerTokenAndQuery() {
		String profile = """
				{"id":"u-1","email":"ada@example.com","displayName":"Ada","roles":["CUSTOMER"]}""";
		upstream.stubFor(get(urlEqualTo("/api/users/me?view=full"))
			.withHeader("Authorization", equalTo("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
			.willReturn(okJson(profile)));

		this.client.get()
			.uri("/api/users/me?view=full")
			.header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(profile);
		upstream.verify(1, getRequestedFor(urlEqualTo("/api/users/me?view=full")));
	}

	@Test
	void signingKeysArePublishedThroughTheGateway() {
		String jwks = """
				{"keys":[{"kty":"RSA","kid":"key-2026-11","use":"sig","alg":"RS256","n":"sXch","e":"AQAB"}]}""";
		upstream.stubFor(get(urlEqualTo("/.well-known/jwks.json"))
			.willReturn(okJson(jwks).withHeader("Cache-Control", "public, max-age=300")));

		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=300")
			.expectBody(String.class)
			.isEqualTo(jwks);
		upstream.verify(1, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));
	}

	@Test
	void userServiceErrorIsPassedThroughUnchanged() {
		String problem = """
				{"type":"https://littlethreads.shop/problems/invalid-credentials","title":"Invalid credentials","status":401}""";
		upstream.stubFor(post(urlEqualTo("/api/auth/login")).willReturn(
				aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json").withBody(problem)));

		this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"ada@example.com\",\"password\":\"wrong\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.isEqualTo(problem);
	}

	@ParameterizedTest
	@CsvSource({ "POST, /oauth2/token", "GET, /oauth2/token", "POST, /oauth2/token?grant_type=client_credentials",
			"GET, /.well-known/openid-configuration", "GET, /.well-known/jwks.json.bak", "GET, /internal/users",
			"GET, /actuator/env", "GET, /api/users-internal/export", "GET, /api/authz",
			"GET, /user-service/actuator/env" })
	void pathsOutsideThePublicUserPrefixesAreNeverProxied(HttpMethod method, String path) {
		Unrouted.assertNeverProxied(this.client, upstream, method, path);
	}

	@Test
	void signInCarriesTheClientAddressSoThrottlingIsPerShopperNotPerGateway() {
		upstream.stubFor(post(urlEqualTo("/api/auth/login"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(TOKENS)));

		this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"ada@example.com\",\"password\":\"x\"}")
			.exchange()
			.expectStatus()
			.isOk();

		// The test client connects from loopback; the gateway names it, and only it.
		assertThat(upstream.findAll(postRequestedFor(urlEqualTo("/api/auth/login")))).singleElement()
			.satisfies((request) -> assertThat(request.getHeaders().getHeader("X-Forwarded-For").values())
				.containsExactly("127.0.0.1"));
	}

}
