package com.littlethreads.platform.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of a service's OpenAPI document, and valid example values built from
 * their schemas.
 * <p>
 * Read as a plain Jackson tree rather than with swagger-parser: springdoc's output uses
 * only local {@code $ref}s, {@code allOf} and the usual keywords, and the tree keeps this
 * module free of a second Jackson (swagger's models are on Jackson 2).
 */
public final class OpenApiOperations {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * Strings tried, in order, for a schema with a {@code pattern}: the first that
	 * matches it and its length limits is the example.
	 */
	private static final List<String> PATTERN_CANDIDATES = List.of("Hostile suite", "abc", "ABC", "GB", "GBP",
			"abc-def", "ABC-123", "ABC123", "N1 1AA", "+441234567890", "/images/example.png",
			"https://example.com/example.png", "123", "a");

	private final JsonNode document;

	private final List<Operation> operations;

	private OpenApiOperations(JsonNode document) {
		this.document = document;
		this.operations = readOperations();
	}

	public static OpenApiOperations of(JsonNode document) {
		return new OpenApiOperations(document);
	}

	public List<Operation> operations() {
		return this.operations;
	}

	private List<Operation> readOperations() {
		List<Operation> found = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.document.path("paths").properties()) {
			List<Parameter> shared = parameters(path.getValue().path("parameters"));
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				JsonNode operation = entry.getValue();
				Map<String, Parameter> parameters = new LinkedHashMap<>();
				shared.forEach((parameter) -> parameters.put(parameter.in() + ":" + parameter.name(), parameter));
				parameters(operation.path("parameters"))
					.forEach((parameter) -> parameters.put(parameter.in() + ":" + parameter.name(), parameter));
				JsonNode body = resolve(operation.path("requestBody"));
				String mediaType = null;
				JsonNode bodySchema = null;
				if (body.has("content")) {
					mediaType = body.get("content").propertyNames().iterator().next();
					bodySchema = resolve(body.get("content").get(mediaType).path("schema"));
				}
				JsonNode security = operation.has("security") ? operation.get("security")
						: this.document.path("security");
				boolean secured = false;
				for (JsonNode requirement : security) {
					secured |= !requirement.isEmpty();
				}
				found.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
						operation.path("operationId").asString(""), List.copyOf(parameters.values()), mediaType,
						bodySchema, body.path("required").asBoolean(false), secured));
			}
		}
		found.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
		return List.copyOf(found);
	}

	private List<Parameter> parameters(JsonNode parameters) {
		List<Parameter> found = new ArrayList<>();
		for (JsonNode parameter : parameters) {
			JsonNode resolved = resolve(parameter);
			found.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
					resolved.path("required").asBoolean(false), resolve(resolved.path("schema"))));
		}
		return found;
	}

	/**
	 * The node a local {@code $ref} points at (followed until it is not a reference),
	 * with {@code allOf} merged into one object schema.
	 * @param node a schema or other node
	 * @return the node itself when it is not a reference
	 */
	public JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
			String ref = current.get("$ref").asString();
			if (!ref.startsWith("#/")) {
				throw new IllegalStateException("Only local references are supported: " + ref);
			}
			current = this.document.at(ref.substring(1));
		}
		if (current.has("allOf")) {
			ObjectNode merged = NODES.objectNode();
			ObjectNode properties = NODES.objectNode();
			ArrayNode required = NODES.arrayNode();
			merged.put("type", "object");
			for (JsonNode part : current.get("allOf")) {
				JsonNode resolved = resolve(part);
				resolved.path("properties").properties().forEach((p) -> properties.set(p.getKey(), p.getValue()));
				resolved.path("required").forEach(required::add);
			}
			merged.set("properties", properties);
			merged.set("required", required);
			return merged;
		}
		if (current.has("oneOf") || current.has("anyOf")) {
			return resolve(current.has("oneOf") ? current.get("oneOf").get(0) : current.get("anyOf").get(0));
		}
		return current;
	}

	/**
	 * The schema's type, {@code object} or {@code array} when only its keywords say so.
	 * @param schema a resolved schema
	 * @return the type, or {@code null} when the schema does not constrain it
	 */
	public static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isString()) {
			return type.asString();
		}
		if (type.isArray()) {
			for (JsonNode candidate : type) {
				if (!"null".equals(candidate.asString())) {
					return candidate.asString();
				}
			}
		}
		if (schema.has("properties")) {
			return "object";
		}
		if (schema.has("items")) {
			return "array";
		}
		return null;
	}

	/**
	 * The schema of the value at a JSON pointer inside a value of the given schema.
	 * @param schema the schema of the whole value
	 * @param pointer the pointer, for example {@code /lines/0/sku}
	 * @return the schema, or {@code null} when the schema does not describe that place
	 */
	public JsonNode schemaAt(JsonNode schema, String pointer) {
		JsonNode current = (schema != null) ? resolve(schema) : null;
		if (pointer.isEmpty()) {
			return current;
		}
		for (String token : pointer.substring(1).split("/", -1)) {
			if (current == null) {
				return null;
			}
			String name = token.replace("~1", "/").replace("~0", "~");
			if ("array".equals(type(current))) {
				current = current.has("items") ? resolve(current.get("items")) : null;
			}
			else if (current.path("properties").has(name)) {
				current = resolve(current.get("properties").get(name));
			}
			else {
				return null;
			}
		}
		return current;
	}

	/**
	 * A value the schema accepts: every property of an object (optional ones too, so that
	 * each can be given hostile values), one element in each array.
	 * @param schema the schema
	 * @param where where the value goes, named in the error when no value can be made
	 * @return the value
	 */
	public JsonNode example(JsonNode schema, String where) {
		JsonNode resolved = resolve(schema);
		if (resolved.has("example") && !resolved.get("example").isNull()) {
			return resolved.get("example");
		}
		if (resolved.has("default") && !resolved.get("default").isNull()) {
			return resolved.get("default");
		}
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		String type = type(resolved);
		if (type == null) {
			return NODES.stringNode("hostile");
		}
		return switch (type) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				resolved.path("properties")
					.properties()
					.forEach((property) -> object.set(property.getKey(),
							example(property.getValue(), where + "/" + property.getKey())));
				yield object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				JsonNode items = resolved.path("items");
				int count = Math.max(1, resolved.path("minItems").asInt(1));
				for (int i = 0; i < count; i++) {
					array.add(example(items, where + "/" + i));
				}
				yield array;
			}
			case "integer", "number" -> {
				long minimum = resolved.has("minimum") ? resolved.get("minimum").asLong() : Long.MIN_VALUE;
				long maximum = resolved.has("maximum") ? resolved.get("maximum").asLong() : Long.MAX_VALUE;
				yield NODES.numberNode(Math.min(Math.max(1, minimum), maximum));
			}
			case "boolean" -> NODES.booleanNode(false);
			case "string" -> NODES.stringNode(exampleString(resolved, where));
			default -> NODES.stringNode("hostile");
		};
	}

	private static String exampleString(JsonNode schema, String where) {
		int minLength = schema.path("minLength").asInt(0);
		int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		String format = schema.path("format").asString("");
		switch (format) {
			case "email":
				return "hostile.suite@example.com";
			case "date-time":
				return "2025-01-01T09:00:00Z";
			case "date":
				return "2025-01-01";
			case "uuid":
				return "00000000-0000-4000-8000-000000000000";
			case "uri":
				return "https://example.com/";
			default:
		}
		if (!schema.has("pattern")) {
			String value = "Hostile suite value";
			while (value.length() < minLength) {
				value += value;
			}
			return value.substring(0, Math.min(value.length(), Math.max(minLength, Math.min(maxLength, 19))));
		}
		Pattern pattern = Pattern.compile(schema.get("pattern").asString());
		for (String candidate : PATTERN_CANDIDATES) {
			if (candidate.length() >= minLength && candidate.length() <= maxLength
					&& pattern.matcher(candidate).matches()) {
				return candidate;
			}
		}
		throw new IllegalStateException("No example value matches the pattern " + pattern + " at " + where
				+ ": give this value in the fixture");
	}

	/**
	 * One operation of the document.
	 *
	 * @param method the HTTP method, upper case
	 * @param path the path template, for example {@code /api/orders/{id}}
	 * @param operationId the operation id
	 * @param parameters its parameters, path-level ones included
	 * @param bodyMediaType the first media type of its request body, or {@code null}
	 * @param bodySchema the schema of that body, resolved, or {@code null}
	 * @param bodyRequired whether the body is required
	 * @param secured whether the operation names a security requirement
	 */
	public record Operation(String method, String path, String operationId, List<Parameter> parameters,
			String bodyMediaType, JsonNode bodySchema, boolean bodyRequired, boolean secured) {

		/**
		 * The operation as {@code METHOD /path}, how fixtures and reports name it.
		 * @return the key
		 */
		public String key() {
			return this.method + " " + this.path;
		}

		public List<Parameter> parameters(String in) {
			return this.parameters.stream().filter((parameter) -> parameter.in().equals(in)).toList();
		}

		@Override
		public String toString() {
			return key();
		}

	}

	/**
	 * One parameter of an operation.
	 *
	 * @param name its name
	 * @param in {@code path}, {@code query}, {@code header} or {@code cookie}
	 * @param required whether it is required
	 * @param schema its schema, resolved
	 */
	public record Parameter(String name, String in, boolean required, JsonNode schema) {

	}

}
