package com.littlethreads.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An example of each request body a service's document describes, by operation, so that a
 * frontend developer (or a generated client's docs) sees a body the service accepts. A
 * service declares one bean of it; each example is JSON text, checked against the body's
 * schema by the build's Spectral lint ({@code oas3-valid-media-example}). An operation
 * that names no request body in the document is a mistake in the service's examples and
 * fails the document.
 */
public final class RequestBodyExamples implements OpenApiCustomizer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> examples = new LinkedHashMap<>();

	/**
	 * The examples.
	 * @param examples JSON text by operation, {@code "POST /api/auth/register"}
	 */
	public RequestBodyExamples(Map<String, String> examples) {
		examples.forEach((operation, json) -> this.examples.put(operation, JSON.readValue(json, Object.class)));
	}

	@Override
	public void customise(OpenAPI api) {
		this.examples.forEach((operation, example) -> {
			int space = operation.indexOf(' ');
			PathItem item = (api.getPaths() != null) ? api.getPaths().get(operation.substring(space + 1)) : null;
			Operation found = (item != null)
					? item.readOperationsMap()
						.get(PathItem.HttpMethod.valueOf(operation.substring(0, space).toUpperCase(Locale.ROOT)))
					: null;
			if (found == null || found.getRequestBody() == null || found.getRequestBody().getContent() == null) {
				throw new IllegalStateException("An example for " + operation + ", which has no request body");
			}
			for (MediaType media : found.getRequestBody().getContent().values()) {
				media.setExample(example);
			}
		});
	}

}
