package com.littlethreads.user;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.test.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers and signs in shoppers over HTTP, the way a shopper does (so the tokens are
 * the service's own), and reads what comes back: cookies and the claims of tokens.
 */
public final class Shoppers {

	/**
	 * A password the policy accepts.
	 */
	public static final String PASSWORD = "Plum-kite harbour 47 lantern";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Shoppers() {
	}

	/**
	 * An email no other test uses.
	 * @return the email
	 */
	public static String uniqueEmail() {
		return "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/**
	 * A JSON object from alternating names and values.
	 * @param namesAndValues name, value, name, value...
	 * @return the JSON text
	 */
	public static String json(Object... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return JSON.writeValueAsString(map);
	}

	public static Response register(TestHttp http, String email, String password) {
		return http.send("POST", "/api/auth/register",
				json("email", email, "displayName", "Ann Example", "password", password), "Content-Type",
				"application/json");
	}

	public static Response login(TestHttp http, String email, String password, String... headers) {
		List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
		all.addAll(List.of(headers));
		return http.send("POST", "/api/auth/login", json("email", email, "password", password),
				all.toArray(String[]::new));
	}

	/**
	 * Registers a new account with a unique email and signs it in.
	 * @param http the client for the service
	 * @return the signed-in shopper
	 */
	public static Shopper newShopper(TestHttp http) {
		String email = uniqueEmail();
		Response registered = register(http, email, PASSWORD);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		Shopper signedIn = signIn(http, email, PASSWORD);
		return new Shopper(registered.json().get("id").asString(), email, signedIn.accessToken(),
				signedIn.refreshToken());
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
		return new Shopper(null, email, accessToken(response), refreshCookie(response));
	}

	/**
	 * Registers a new shopper and signs in.
	 * @param http the client
	 * @return the sign-in response
	 */
	public static Response signedIn(TestHttp http) {
		String email = uniqueEmail();
		Response registered = register(http, email, PASSWORD);
		if (registered.status() != 201) {
			throw new IllegalStateException("Registration failed: " + registered.body());
		}
		Response login = login(http, email, PASSWORD);
		if (login.status() != 200) {
			throw new IllegalStateException("Sign-in failed: " + login.body());
		}
		return login;
	}

	/**
	 * The whole Set-Cookie header that sets a cookie.
	 * @param headers the response headers
	 * @param name the cookie
	 * @return the header value, or {@code null}
	 */
	public static String setCookie(HttpHeaders headers, String name) {
		return headers.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith(name + "="))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The value a Set-Cookie header gives a cookie.
	 * @param headers the response headers
	 * @param name the cookie
	 * @return the value, or {@code null}
	 */
	public static String cookieValue(HttpHeaders headers, String name) {
		String header = setCookie(headers, name);
		if (header == null) {
			return null;
		}
		int end = header.indexOf(';');
		return header.substring(name.length() + 1, (end >= 0) ? end : header.length());
	}

	public static String refreshCookie(Response response) {
		return cookieValue(response.headers(), "lt_refresh");
	}

	public static String accessToken(Response response) {
		return response.json().get("accessToken").asString();
	}

	/**
	 * The decoded header of a compact JWT.
	 * @param jwt the token
	 * @return its JOSE header
	 */
	public static JsonNode jwtHeader(String jwt) {
		return part(jwt, 0);
	}

	/**
	 * The decoded claims of a compact JWT.
	 * @param jwt the token
	 * @return its payload
	 */
	public static JsonNode jwtClaims(String jwt) {
		return part(jwt, 1);
	}

	/**
	 * The roles an access token carries.
	 * @param accessToken the JWT
	 * @return its {@code roles} claim
	 */
	public static List<String> roles(String accessToken) {
		List<String> roles = new ArrayList<>();
		jwtClaims(accessToken).get("roles").forEach((role) -> roles.add(role.asString()));
		return roles;
	}

	private static JsonNode part(String jwt, int index) {
		String[] parts = jwt.split("\\.");
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
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
