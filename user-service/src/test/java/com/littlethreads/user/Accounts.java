package com.littlethreads.user;

import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.test.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts made the way a shopper makes them: registered and signed in over HTTP, so the
 * tokens are the service's own.
 */
public final class Accounts {

	public static final String PASSWORD = "tartan puffin lantern";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Accounts() {
	}

	/**
	 * Registers a new account with a unique email and signs it in.
	 * @param http the client for the service
	 * @return the signed-in shopper
	 */
	public static Shopper newShopper(TestHttp http) {
		String email = "shopper-" + UUID.randomUUID() + "@example.com";
		String id = register(http, email, PASSWORD);
		Shopper signedIn = signIn(http, email, PASSWORD);
		return new Shopper(id, email, signedIn.accessToken(), signedIn.refreshToken());
	}

	/**
	 * Registers an account.
	 * @param http the client
	 * @param email the email
	 * @param password the password
	 * @return the new account's id
	 */
	public static String register(TestHttp http, String email, String password) {
		Response registered = http.send("POST", "/api/auth/register", """
				{"email": "%s", "displayName": "Test Shopper", "password": "%s"}""".formatted(email, password),
				"Content-Type", "application/json");
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return registered.json().get("id").asString();
	}

	/**
	 * Signs in, which must succeed.
	 * @param http the client
	 * @param email the email
	 * @param password the password
	 * @return the shopper with fresh tokens (id unknown here: {@code null})
	 */
	public static Shopper signIn(TestHttp http, String email, String password) {
		Response response = login(http, email, password);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return new Shopper(null, email, response.json().get("accessToken").asString(), refreshCookie(response));
	}

	public static Response login(TestHttp http, String email, String password) {
		return http.send("POST", "/api/auth/login", """
				{"email": "%s", "password": "%s"}""".formatted(email, password), "Content-Type", "application/json");
	}

	/**
	 * Signs in from a client address, as the gateway reports it.
	 * @param http the client
	 * @param email the email
	 * @param password the password
	 * @param address the client address, sent in X-Forwarded-For
	 * @return the answer
	 */
	public static Response login(TestHttp http, String email, String password, String address) {
		return http.send("POST", "/api/auth/login", """
				{"email": "%s", "password": "%s"}""".formatted(email, password), "Content-Type", "application/json",
				"X-Forwarded-For", address);
	}

	/**
	 * The roles an access token carries, read from its payload.
	 * @param accessToken the JWT
	 * @return the {@code roles} claim
	 */
	public static List<String> roles(String accessToken) {
		String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
		List<String> roles = new ArrayList<>();
		JSON.readTree(payload).get("roles").forEach((role) -> roles.add(role.asString()));
		return roles;
	}

	private static String refreshCookie(Response response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.flatMap((header) -> HttpCookie.parse(header).stream())
			.filter((cookie) -> cookie.getName().equals("lt_refresh"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * A signed-in account.
	 *
	 * @param id the user id
	 * @param email the email
	 * @param accessToken the bearer token
	 * @param refreshToken the refresh cookie's value
	 */
	public record Shopper(String id, String email, String accessToken, String refreshToken) {

		public Response call(TestHttp http, String method, String path, String body) {
			if (body == null) {
				return http.send(method, path, null, "Authorization", "Bearer " + this.accessToken);
			}
			return http.send(method, path, body, "Authorization", "Bearer " + this.accessToken, "Content-Type",
					"application/json");
		}

		public Response refresh(TestHttp http) {
			return http.send("POST", "/api/auth/refresh", null, "Cookie", "lt_refresh=" + this.refreshToken);
		}

		public JsonNode profile(TestHttp http) {
			Response me = call(http, "GET", "/api/users/me", null);
			assertThat(me.status()).as(me.body()).isEqualTo(200);
			return me.json();
		}

	}

}
