package com.littlethreads.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that must see exactly what a browser or frontend would:
 * real status codes, headers and bodies from a running service, with no client-side error
 * handling in between.
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	/**
	 * Whether exchanges are checked against the service's document.
	 */
	private boolean checked;

	private ApiDocument document;

	private boolean documentRead;

	public TestHttp(int port) {
		this("http://127.0.0.1:" + port);
	}

	public TestHttp(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * A client that checks every exchange against the service's own OpenAPI document (its
	 * {@code /v3/api-docs}, see {@link ApiDocument}); a service that serves no document
	 * is not checked.
	 * @param port the service's port on 127.0.0.1
	 * @return the client
	 */
	public static TestHttp checkedAgainstItsDocument(int port) {
		TestHttp http = new TestHttp(port);
		http.checked = true;
		return http;
	}

	public Response get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	public Response send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		Response answer;
		try {
			var response = this.client.send(request.build(), BodyHandlers.ofString());
			answer = new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		ApiDocument document = document();
		if (document != null) {
			document.check(method, path, headers, body, answer);
		}
		return answer;
	}

	private ApiDocument document() {
		if (!this.checked) {
			return null;
		}
		if (!this.documentRead) {
			this.documentRead = true;
			this.checked = false;
			Response docs = get("/v3/api-docs");
			this.checked = true;
			this.document = (docs.status() == 200) ? ApiDocument.of(docs.body()) : null;
		}
		return this.document;
	}

	/**
	 * What came back.
	 *
	 * @param status the status code
	 * @param headers the response headers
	 * @param body the body as text
	 */
	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			Optional<String> value = this.headers.firstValue(name);
			return value.orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
