package com.littlethreads.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import com.littlethreads.platform.input.RequestLimitProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.unit.DataSize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Makes a service's document say what the service answers, from what the platform and the
 * security rules do rather than from annotations on each controller:
 * <ul>
 * <li>who may call each operation, asked of the security rules themselves: anyone (a
 * token is then optional, and checked when sent), a shopper's access token, or an admin's
 * (schemes {@code shopper}, {@code admin}; {@code service} tokens serve the internal
 * operations, which no public document lists);</li>
 * <li>the error statuses each operation can answer, all with the {@code Problem} schema
 * (RFC 9457, {@code application/problem+json}): 400 (the request is read and checked),
 * 401 (a missing or invalid token), 403 (a token without the role), 404 (an unknown path
 * variable), 409 (a change: a duplicate or a concurrent change), 406 (an {@code Accept}
 * the operation cannot answer), 413 and 415 (a body too large or not JSON), 429 (the
 * gateway's rate limit) and 500;</li>
 * <li>the rate-limit headers the gateway adds to every API answer;</li>
 * <li>{@code application/json} where springdoc, lacking a {@code produces}, writes
 * {@code *}{@code /*};</li>
 * <li>schemas that match the answers: a response field is required unless it is nullable
 * ({@code @Schema(nullable = true)} on the record component, written as
 * {@code type: [..., "null"]}), and patterns are anchored, as Bean Validation's
 * {@code @Pattern} matches the whole value, and integers have the bounds of their type
 * where the validation sets none.</li>
 * </ul>
 */
class OpenApiContract implements GlobalOpenApiCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	private static final String PROBLEM = "#/components/schemas/Problem";

	private static final String SHOPPER_SCHEME = "shopper";

	private static final String ADMIN_SCHEME = "admin";

	private static final String SERVICE_SCHEME = "service";

	private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
			"RateLimit-Reset");

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymous",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private static final Authentication SHOPPER_TOKEN = UsernamePasswordAuthenticationToken.authenticated("shopper",
			null, AuthorityUtils.createAuthorityList("ROLE_CUSTOMER"));

	private static final Authentication ADMIN_TOKEN = UsernamePasswordAuthenticationToken.authenticated("admin", null,
			AuthorityUtils.createAuthorityList("ROLE_CUSTOMER", "ROLE_ADMIN"));

	private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

	private final RequestLimitProperties limits;

	private final int maxHeaderSize;

	OpenApiContract(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges, RequestLimitProperties limits,
			DataSize maxHeaderSize) {
		this.privileges = privileges;
		this.limits = limits;
		this.maxHeaderSize = (int) Math.min(Integer.MAX_VALUE, maxHeaderSize.toBytes());
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
		api.setComponents(components);
		addProblemSchemas(components);
		addSecuritySchemes(components);
		addHeaders(components);
		describeServers(api);
		Set<String> requestSchemas = new LinkedHashSet<>();
		if (api.getPaths() != null) {
			api.getPaths().forEach((path, item) -> operations(item).forEach((method, operation) -> {
				describe(path, method, operation);
				collectRequestSchemas(operation, components, requestSchemas);
			}));
		}
		if (components.getSchemas() != null) {
			components.getSchemas().forEach((name, schema) -> {
				if (!requestSchemas.contains(name) && !name.equals("Problem") && !name.equals("InvalidField")) {
					requireWhatIsAlwaysSent(schema);
				}
			});
		}
		boolean v31 = api.getOpenapi() != null && api.getOpenapi().startsWith("3.1");
		walkSchemas(api, (schema) -> tidy(schema, v31));
	}

	private void describe(String path, PathItem.HttpMethod method, Operation operation) {
		Access access = access(path, method.name(), operation);
		operation.setSecurity(access.security());
		boolean identifies = operation.getExtensions() != null
				&& Boolean.TRUE.equals(operation.getExtensions().remove(IdentityMarker.EXTENSION));
		if (access == Access.PUBLIC && identifies) {
			// Open to guests; a shopper's token, when sent, is used.
			operation
				.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(SHOPPER_SCHEME)));
		}
		if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
			operation.setExtensions(null);
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		responses.forEach((status, response) -> {
			if (status.startsWith("4") || status.startsWith("5")) {
				problemContent(response);
			}
			else if (response.getContent() != null) {
				concreteMediaTypes(response.getContent());
			}
		});
		limitParameters(operation);
		boolean hasBody = operation.getRequestBody() != null;
		boolean hasPathVariables = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((parameter) -> "path".equals(parameter.getIn()));
		boolean answersContent = responses.entrySet()
			.stream()
			.anyMatch((entry) -> entry.getKey().startsWith("2") && entry.getValue().getContent() != null);
		addError(responses, "400", "The request is malformed or fails validation (`errors` names the fields)");
		addError(responses, "401", (access == Access.PUBLIC) ? "A bearer token was sent and is not valid"
				: "No valid bearer token was sent");
		if (access == Access.ADMIN) {
			addError(responses, "403", "The token's account is not an admin");
		}
		if (hasPathVariables) {
			addError(responses, "404", "Nothing exists at this address");
		}
		if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
			// The platform answers a duplicate key or a lost optimistic lock with 409.
			addError(responses, "409", "The change conflicts with the current state: a duplicate, a concurrent "
					+ "change, or a rule of the resource");
		}
		if (answersContent) {
			addError(responses, "406", "The `Accept` header excludes every type this operation answers with");
		}
		if (hasBody) {
			addError(responses, "413", "The body is larger than %s".formatted(describe(this.limits.maxBodySize())));
			addError(responses, "415", "The body is not of a media type this operation reads");
		}
		addError(responses, "429", "Too many requests from this client; retry after `Retry-After` seconds");
		addError(responses, "500", "The service failed unexpectedly; the `requestId` identifies the failure");
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			concreteMediaTypes(operation.getRequestBody().getContent());
		}
		responses.forEach((status, response) -> {
			if (status.startsWith("2") || status.startsWith("4")) {
				rateLimitHeaders(status, response);
			}
		});
	}

	/**
	 * A parameter without a limit of its own has the platform's: path variables and query
	 * values longer than {@code littlethreads.limits.max-parameter-length} are refused,
	 * and a header or cookie cannot outgrow the server's header limit.
	 */
	private void limitParameters(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			Schema<?> schema = parameter.getSchema();
			if (schema == null) {
				continue;
			}
			int limit = ("path".equals(parameter.getIn()) || "query".equals(parameter.getIn()))
					? this.limits.maxParameterLength() : this.maxHeaderSize;
			Schema<?> value = (schema.getItems() != null) ? schema.getItems() : schema;
			if (isString(value) && value.getMaxLength() == null && value.getEnum() == null) {
				value.setMaxLength(limit);
			}
			if (value != schema && schema.getMaxItems() == null) {
				schema.setMaxItems(limit);
			}
		}
	}

	private static boolean isString(Schema<?> schema) {
		return "string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("string"));
	}

	private static String describe(DataSize size) {
		return (size.toBytes() % 1024 == 0) ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
	}

	private Access access(String path, String method, Operation operation) {
		WebInvocationPrivilegeEvaluator evaluator = this.privileges.getIfAvailable();
		if (evaluator == null) {
			return Access.PUBLIC;
		}
		String uri = path.replaceAll("\\{[^}/]+}", "x");
		if (evaluator.isAllowed("", uri, method, ANONYMOUS)) {
			return Access.PUBLIC;
		}
		if (evaluator.isAllowed("", uri, method, SHOPPER_TOKEN)) {
			return Access.SHOPPER;
		}
		if (evaluator.isAllowed("", uri, method, ADMIN_TOKEN)) {
			return Access.ADMIN;
		}
		return Access.SERVICE;
	}

	private static void addError(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, problemContent(new ApiResponse().description(description)));
		}
	}

	private static ApiResponse problemContent(ApiResponse response) {
		response
			.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
		if (response.getDescription() == null || response.getDescription().isBlank()) {
			response.setDescription("A problem (RFC 9457)");
		}
		return response;
	}

	/**
	 * The gateway's rate limit (the documents describe the API as the gateway serves it)
	 * adds these to every answer of the API.
	 */
	private static void rateLimitHeaders(String status, ApiResponse response) {
		RATE_LIMIT_HEADERS
			.forEach((name) -> response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name)));
		if (status.equals("429")) {
			response.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
		}
	}

	private static void concreteMediaTypes(Content content) {
		MediaType any = content.remove("*/*");
		if (any != null) {
			content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
		}
	}

	private static void addProblemSchemas(Components components) {
		Schema<?> invalidField = new ObjectSchema().description("One invalid field or parameter")
			.addProperty("field", new StringSchema().maxLength(500).description("The JSON path or parameter name"))
			.addProperty("message", new StringSchema().maxLength(500).description("What is wrong with it"))
			.required(List.of("field", "message"));
		Schema<?> problem = new ObjectSchema()
			.description("An RFC 9457 problem. Problems of some types carry more members (checkout problems name "
					+ "the offending `lines`).")
			.addProperty("type",
					new StringSchema().format("uri").maxLength(500).description("Stable: what kind of problem"))
			.addProperty("title", new StringSchema().maxLength(200).description("A short human summary"))
			.addProperty("status",
					new IntegerSchema().format("int32")
						.minimum(BigDecimal.valueOf(400))
						.maximum(BigDecimal.valueOf(599)))
			.addProperty("detail", new StringSchema().maxLength(2000).description("This occurrence, in plain words"))
			.addProperty("instance", new StringSchema().maxLength(2048).description("The request path"))
			.addProperty("requestId",
					new StringSchema().maxLength(200).description("The X-Request-Id of the request, for support"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/InvalidField")).maxItems(1000))
			.required(List.of("type", "title", "status"));
		// RFC 9457 extension members: some problem types carry more (checkout's lines, an
		// address limit).
		problem.setAdditionalProperties(Boolean.TRUE);
		components.addSchemas("Problem", problem);
		components.addSchemas("InvalidField", invalidField);
	}

	private static void addSecuritySchemes(Components components) {
		Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
		schemes
			.put(SHOPPER_SCHEME, bearer("A shopper's access token: `POST /api/auth/login` (or `/refresh`) answers it. "
					+ "An RS256 JWT valid for at most 15 minutes, issued and checked as RFC 8725 (RFC8725) advises: "
					+ "one algorithm, issuer, audience, expiry and token type are all verified."));
		schemes.put(ADMIN_SCHEME, bearer("An access token of an account with role ADMIN; otherwise as `shopper` "
				+ "(RFC8725: RS256 only, issuer, audience, expiry and token type verified)."));
		schemes.put(SERVICE_SCHEME,
				bearer("A service token (OAuth 2 client credentials from user-service) for "
						+ "`/internal/**` between the services; the gateway never routes those. RFC8725: RS256 only, "
						+ "issuer, the internal audience, expiry and token type verified."));
		components.setSecuritySchemes(schemes);
	}

	private static SecurityScheme bearer(String description) {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description(description);
	}

	private static void addHeaders(Components components) {
		components.addHeaders("RateLimit-Limit", header("Requests allowed per window for this client (the gateway's "
				+ "rate limit; absent when the service is called directly)", 0, 1_000_000));
		components.addHeaders("RateLimit-Remaining",
				header("Requests left in the current window for this client", 0, 1_000_000));
		components.addHeaders("RateLimit-Reset", header("Seconds until the window is full again", 0, 86_400));
		components.addHeaders("Retry-After", header("Seconds to wait before trying again", 0, 86_400));
	}

	private static Header header(String description, int minimum, int maximum) {
		return new Header().description(description)
			.schema(new IntegerSchema().format("int32")
				.minimum(BigDecimal.valueOf(minimum))
				.maximum(BigDecimal.valueOf(maximum)));
	}

	private static void describeServers(OpenAPI api) {
		if (api.getServers() == null) {
			return;
		}
		for (Server server : api.getServers()) {
			server.addExtension("x-internal", false);
			server.setDescription("The shop's gateway at its public URL (production, or local development)");
		}
	}

	private static void collectRequestSchemas(Operation operation, Components components, Set<String> names) {
		List<Schema<?>> roots = new ArrayList<>();
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			operation.getRequestBody().getContent().values().forEach((media) -> roots.add(media.getSchema()));
		}
		if (operation.getParameters() != null) {
			operation.getParameters().stream().map(Parameter::getSchema).forEach(roots::add);
		}
		roots.forEach((root) -> visit(root, components, new IdentityHashMap<>(), (schema) -> {
			if (schema.get$ref() != null) {
				names.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
			}
		}));
	}

	/**
	 * A response record writes every component, null or not (Boot's Jackson includes
	 * nulls): every property is there, and only nullable ones may be null.
	 */
	private static void requireWhatIsAlwaysSent(Schema<?> schema) {
		if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
			return;
		}
		List<String> required = new ArrayList<>();
		schema.getProperties().forEach((name, property) -> {
			if (!Boolean.TRUE.equals(property.getNullable()) && !isNullType(property)) {
				required.add(name);
			}
		});
		schema.setRequired(required.isEmpty() ? null : required);
	}

	private static boolean isNullType(Schema<?> schema) {
		return schema.getTypes() != null && schema.getTypes().contains("null");
	}

	/**
	 * What springdoc writes that a validator or generator reads wrongly: OpenAPI 3.0's
	 * {@code nullable} in a 3.1 document (should a service serve 3.1), unanchored
	 * patterns and {@code minLength: 0}.
	 */
	private static void tidy(Schema<?> schema, boolean v31) {
		if (v31 && Boolean.TRUE.equals(schema.getNullable())) {
			schema.setNullable(null);
			Set<String> types = new LinkedHashSet<>();
			if (schema.getTypes() != null) {
				types.addAll(schema.getTypes());
			}
			else if (schema.getType() != null) {
				types.add(schema.getType());
			}
			if (!types.isEmpty()) {
				types.add("null");
				schema.setTypes(types);
				schema.setType(null);
			}
			else if (schema.get$ref() != null) {
				// A nullable reference: one of the referenced schema or null.
				String ref = schema.get$ref();
				schema.set$ref(null);
				schema.setOneOf(List.of(new Schema<>().$ref(ref), new Schema<>().types(Set.of("null"))));
			}
		}
		String pattern = schema.getPattern();
		if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
			schema.setPattern("^(?:" + pattern + ")$");
		}
		if (schema.getMinLength() != null && schema.getMinLength() == 0) {
			schema.setMinLength(null);
		}
		if (isInteger(schema)) {
			// What the type itself holds: a larger number is refused as unreadable (400).
			boolean int64 = !"int32".equals(schema.getFormat());
			if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
				schema.setMinimum(BigDecimal.valueOf(int64 ? Long.MIN_VALUE : Integer.MIN_VALUE));
			}
			if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
				schema.setMaximum(BigDecimal.valueOf(int64 ? Long.MAX_VALUE : Integer.MAX_VALUE));
			}
			if (schema.getFormat() == null) {
				schema.setFormat("int64");
			}
		}
	}

	private static boolean isInteger(Schema<?> schema) {
		return "integer".equals(schema.getType())
				|| (schema.getTypes() != null && schema.getTypes().contains("integer"));
	}

	private static void walkSchemas(OpenAPI api, Consumer<Schema<?>> action) {
		Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
		Components components = api.getComponents();
		if (components.getSchemas() != null) {
			components.getSchemas().values().forEach((schema) -> visit(schema, null, seen, action));
		}
		if (api.getPaths() != null) {
			api.getPaths().values().forEach((item) -> {
				if (item.getParameters() != null) {
					item.getParameters().forEach((parameter) -> visit(parameter.getSchema(), null, seen, action));
				}
				operations(item).values().forEach((operation) -> {
					if (operation.getParameters() != null) {
						operation.getParameters()
							.forEach((parameter) -> visit(parameter.getSchema(), null, seen, action));
					}
					if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
						operation.getRequestBody()
							.getContent()
							.values()
							.forEach((media) -> visit(media.getSchema(), null, seen, action));
					}
					if (operation.getResponses() != null) {
						operation.getResponses().values().forEach((response) -> {
							if (response.getContent() != null) {
								response.getContent()
									.values()
									.forEach((media) -> visit(media.getSchema(), null, seen, action));
							}
						});
					}
				});
			});
		}
	}

	/**
	 * Visits a schema and everything inside it, following references into the components
	 * when they are given.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void visit(Schema<?> schema, Components follow, Map<Schema<?>, Boolean> seen,
			Consumer<Schema<?>> action) {
		if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
			return;
		}
		action.accept(schema);
		if (follow != null && schema.get$ref() != null && follow.getSchemas() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			visit(follow.getSchemas().get(name), follow, seen, action);
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach((property) -> visit(property, follow, seen, action));
		}
		visit(schema.getItems(), follow, seen, action);
		for (List<Schema> group : new List[] { schema.getAllOf(), schema.getAnyOf(), schema.getOneOf() }) {
			if (group != null) {
				group.forEach((member) -> visit(member, follow, seen, action));
			}
		}
		if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
			visit(additional, follow, seen, action);
		}
	}

	private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
		return item.readOperationsMap();
	}

	private enum Access {

		PUBLIC, SHOPPER, ADMIN, SERVICE;

		List<SecurityRequirement> security() {
			return switch (this) {
				case PUBLIC -> List.of(new SecurityRequirement());
				case SHOPPER -> List.of(new SecurityRequirement().addList(SHOPPER_SCHEME));
				case ADMIN -> List.of(new SecurityRequirement().addList(ADMIN_SCHEME));
				case SERVICE -> List.of(new SecurityRequirement().addList(SERVICE_SCHEME));
			};
		}

	}

}
