package com.littlethreads.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service's OpenAPI document, as its tests see it: written where the build's
 * Spectral lint reads it ({@code target/openapi/<name>.json}, see
 * {@code tools/openapi-lint}), and held to the rules every document follows.
 */
public final class OpenApiDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private OpenApiDocuments() {
	}

	/**
	 * Reads a service's document, checks it and writes it for the lint.
	 * @param http a client of the service
	 * @param name the document's name ({@code users}, {@code catalog}, {@code payments})
	 * @return the document
	 */
	public static JsonNode export(TestHttp http, String name) {
		TestHttp.Response response = http.get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		JsonNode document = response.json();
		assertFollowsTheRules(document);
		try {
			Path file = Path.of("target", "openapi", name + ".json");
			Files.createDirectories(file.getParent());
			Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return document;
	}

	/**
	 * The rules: only what the gateway routes, concrete media types, a security
	 * requirement on every operation, an example of every request body, and every error a
	 * problem, with at least the statuses any request can meet (400, 401, 429, 500).
	 * @param document the document
	 */
	public static void assertFollowsTheRules(JsonNode document) {
		List<String> broken = new ArrayList<>();
		if (document.toString().contains("\"*/*\"")) {
			broken.add("a media type is */*");
		}
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			String name = path.getKey();
			if (name.equals("/error") || name.startsWith("/internal/") || name.startsWith("/oauth2/")) {
				broken.add(name + " is not routed by the gateway");
			}
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				String operation = entry.getKey().toUpperCase() + " " + name;
				JsonNode value = entry.getValue();
				if (!value.has("security")) {
					broken.add(operation + " names no security requirement");
				}
				JsonNode responses = value.path("responses");
				for (String status : List.of("400", "401", "429", "500")) {
					if (!responses.has(status)) {
						broken.add(operation + " does not document " + status);
					}
				}
				for (Map.Entry<String, JsonNode> content : value.path("requestBody").path("content").properties()) {
					JsonNode media = content.getValue();
					if (!media.has("example") && media.path("examples").isEmpty()) {
						broken.add(operation + " has no example of its " + content.getKey() + " body");
					}
				}
				for (Map.Entry<String, JsonNode> response : responses.properties()) {
					boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
					if (error && !"#/components/schemas/Problem".equals(
							response.getValue().at("/content/application~1problem+json/schema/$ref").asString(""))) {
						broken.add(operation + " " + response.getKey() + " is not a problem");
					}
				}
			}
		}
		assertThat(broken).as("the rules every OpenAPI document follows").isEmpty();
	}

}
