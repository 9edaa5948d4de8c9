package com.littlethreads.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls against the running shop, the way the storefront or a frontend
 * developer makes them, with JSON bodies read as trees.
 */
final class ShopClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	Response get(String url, String... headers) throws Exception {
		return send(request(url, headers).GET().build());
	}

	Response postJson(String url, String json, String... headers) throws Exception {
		return send(request(url, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	Response postForm(String url, Map<String, String> fields, String... headers) throws Exception {
		String form = fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(url, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/**
	 * Signs in and returns the access token.
	 * @param gateway the gateway's base URL
	 * @param email the account
	 * @param password its password
	 * @return the bearer token
	 * @throws Exception on failure
	 */
	String signIn(String gateway, String email, String password) throws Exception {
		Response signedIn = postJson(gateway + "/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
		if (signedIn.status() != 200) {
			throw new AssertionError("sign-in failed: " + signedIn);
		}
		return signedIn.json().get("accessToken").asString();
	}

	/**
	 * Registers a shopper and signs them in.
	 * @param gateway the gateway's base URL
	 * @param name the display name
	 * @param email the account
	 * @param password its password
	 * @return the bearer token
	 * @throws Exception on failure
	 */
	String register(String gateway, String name, String email, String password) throws Exception {
		Response registered = postJson(gateway + "/api/auth/register",
				"{\"email\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\"}".formatted(email, name, password));
		if (registered.status() != 201) {
			throw new AssertionError("registration failed: " + registered);
		}
		return signIn(gateway, email, password);
	}

	/**
	 * Reads an order until it has the status, for 90 seconds at most: what a webhook, a
	 * job or another instance does comes after the call that set it going has answered.
	 * @param gateway the gateway's base URL
	 * @param orderId the order
	 * @param status the status to wait for
	 * @param headers what lets the caller read the order (a bearer token, an order token)
	 * @return the order with that status
	 * @throws Exception if it never gets it
	 */
	JsonNode awaitOrderStatus(String gateway, String orderId, String status, String... headers) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		Response order;
		do {
			order = get(gateway + "/api/orders/" + orderId, headers);
			if (order.status() == 200 && status.equals(order.json().get("status").asString())) {
				return order.json();
			}
			Thread.sleep(300);
		}
		while (Instant.now().isBefore(deadline));
		throw new AssertionError("order " + orderId + " never became " + status + ": " + order);
	}

	private static HttpRequest.Builder request(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request;
	}

	private Response send(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), response.headers().map());
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param body the body
	 * @param headers the headers
	 */
	record Response(int status, String body, Map<String, List<String>> headers) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		List<String> all(String name) {
			List<String> values = new ArrayList<>();
			this.headers.forEach((key, value) -> {
				if (key.equalsIgnoreCase(name)) {
					values.addAll(value);
				}
			});
			return values;
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
