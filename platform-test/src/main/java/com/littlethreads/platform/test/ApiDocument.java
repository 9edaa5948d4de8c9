package com.littlethreads.platform.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.opentest4j.AssertionFailedError;

/**
 * A service's own OpenAPI document, as a checker of real exchanges (Atlassian's
 * swagger-request-validator): {@link TestHttp} from {@link ServiceHttpTest} checks every
 * request and answer with it, so a test fails where an answer and the document disagree.
 * <ul>
 * <li>Every answer of a documented operation must be documented: its status, its media
 * type, its body against the schema.</li>
 * <li>A request the document calls invalid must be refused (any 4xx): the service may
 * never accept what the document says it refuses. Tests send invalid requests on purpose,
 * so only an accepted one fails.</li>
 * <li>A path or method the document does not list must not be answered with success,
 * outside the paths no public document lists (actuator, the documents themselves,
 * {@code /internal/**}, {@code /oauth2/**}).</li>
 * </ul>
 */
public final class ApiDocument {

	private static final List<String> UNDOCUMENTED = List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/internal/",
			"/oauth2/");

	private static final Map<String, ApiDocument> PARSED = new ConcurrentHashMap<>();

	private static final Map<String, ApiDocument> PARSED_FOR_SLICES = new ConcurrentHashMap<>();

	private final OpenApiInteractionValidator validator;

	private ApiDocument(String document, LevelResolver levels) {
		this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
			.withLevelResolver(levels)
			.build();
	}

	/**
	 * The checker for a document, parsed once per distinct text.
	 * @param document the OpenAPI document, as JSON
	 * @return its checker
	 */
	public static ApiDocument of(String document) {
		return PARSED.computeIfAbsent(document, (text) -> new ApiDocument(text, LevelResolver.create().build()));
	}

	/**
	 * The checker for a {@code @WebMvcTest} slice: the same, except that a request needs
	 * no credentials in its headers, since slices authenticate with Spring Security's
	 * request post-processors ({@code jwt()}), which set the security context instead.
	 * @param document the OpenAPI document, as JSON
	 * @return its checker
	 */
	static ApiDocument forSlice(String document) {
		return PARSED_FOR_SLICES.computeIfAbsent(document,
				(text) -> new ApiDocument(text,
						LevelResolver.create()
							.withLevel("validation.request.security", ValidationReport.Level.IGNORE)
							.build()));
	}

	/**
	 * Checks one exchange, throwing when the document and the service disagree.
	 * @param method the request method
	 * @param target the request path and query, as sent
	 * @param headers the request headers, as name and value pairs
	 * @param body the request body, or {@code null}
	 * @param response what the service answered
	 * @throws AssertionFailedError if the exchange does not match the document
	 */
	public void check(String method, String target, String[] headers, String body, TestHttp.Response response) {
		check(method, target, headers, body, response.status(), response.headers().map(), response.body());
	}

	/**
	 * Checks one exchange, throwing when the document and the service disagree.
	 * @param method the request method
	 * @param target the request path and query, as sent
	 * @param headers the request headers, as name and value pairs
	 * @param body the request body, or {@code null}
	 * @param status the status the service answered
	 * @param responseHeaders the headers it answered with
	 * @param responseBody the body it answered with, or {@code null}
	 * @throws AssertionFailedError where the answer or an accepted request does not match
	 * the document
	 */
	public void check(String method, String target, String[] headers, String body, int status,
			Map<String, List<String>> responseHeaders, String responseBody) {
		List<String> problems = disagreements(method, target, headers, body, status, responseHeaders, responseBody);
		if (!problems.isEmpty()) {
			String text = responseBody;
			if (text != null && text.length() > 2000) {
				text = text.substring(0, 2000) + "...";
			}
			throw new AssertionFailedError("The OpenAPI document and the service disagree about " + method + " "
					+ target + " answered " + status + ":\n  - " + String.join("\n  - ", problems) + "\nBody: " + text);
		}
	}

	/**
	 * Where one exchange and the document disagree, without throwing.
	 * @param method the request method
	 * @param target the request path and query, as sent
	 * @param headers the request headers, as name and value pairs
	 * @param body the request body, or {@code null}
	 * @param status the status the service answered
	 * @param responseHeaders the headers it answered with
	 * @param responseBody the body it answered with, or {@code null}
	 * @return each disagreement, described; empty when they agree
	 */
	public List<String> disagreements(String method, String target, String[] headers, String body, int status,
			Map<String, List<String>> responseHeaders, String responseBody) {
		return disagreements(method, target, headers, body, status, responseHeaders, responseBody, true);
	}

	/**
	 * Where an answer and the document disagree, without judging the request: for
	 * requests made invalid on purpose, whose acceptance the caller judges by its own
	 * rules. A target that names no operation (a trailing slash, a blank path segment,
	 * which the checker would otherwise match to a neighbouring operation) is not judged.
	 * @param method the request method
	 * @param target the request path and query, as sent
	 * @param headers the request headers, as name and value pairs
	 * @param body the request body, or {@code null}
	 * @param status the status the service answered
	 * @param responseHeaders the headers it answered with
	 * @param responseBody the body it answered with, or {@code null}
	 * @return each disagreement, described; empty when they agree
	 */
	public List<String> answerDisagreements(String method, String target, String[] headers, String body, int status,
			Map<String, List<String>> responseHeaders, String responseBody) {
		String path = URLDecoder.decode(pathOf(target).replace("+", "%2B"), StandardCharsets.UTF_8);
		if (path.length() > 1 && path.endsWith("/")
				|| Arrays.stream(path.split("/")).skip(1).anyMatch(String::isBlank)) {
			return List.of();
		}
		return disagreements(method, target, headers, body, status, responseHeaders, responseBody, false);
	}

	private List<String> disagreements(String method, String target, String[] headers, String body, int status,
			Map<String, List<String>> responseHeaders, String responseBody, boolean judgeRequest) {
		Request request = request(method, target, headers, body);
		SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
		responseHeaders.forEach(answer::withHeader);
		if (responseBody != null && !responseBody.isEmpty()) {
			answer.withBody(responseBody);
		}
		List<String> problems = new ArrayList<>();
		ValidationReport requestReport = this.validator.validateRequest(request);
		boolean undocumented = requestReport.getMessages()
			.stream()
			.anyMatch((message) -> message.getKey().equals("validation.request.path.missing")
					|| message.getKey().equals("validation.request.operation.notAllowed"));
		boolean success = status < 400;
		if (undocumented) {
			if (success && UNDOCUMENTED.stream().noneMatch(request.getPath()::startsWith)) {
				problems
					.add("the document lists no " + method + " " + request.getPath() + ", which answered " + status);
			}
		}
		else {
			if (success && judgeRequest) {
				problems.addAll(errors("request", requestReport));
			}
			problems.addAll(errors("response",
					this.validator.validateResponse(request.getPath(), request.getMethod(), answer.build())));
		}
		return problems;
	}

	private static List<String> errors(String side, ValidationReport report) {
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.map((message) -> side + ": " + message.getMessage()
					+ (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()))
			.collect(Collectors.toList());
	}

	private static String pathOf(String target) {
		int query = target.indexOf('?');
		return (query >= 0) ? target.substring(0, query) : target;
	}

	private static Request request(String method, String target, String[] headers, String body) {
		int query = target.indexOf('?');
		String path = pathOf(target);
		SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT),
				URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
		if (query >= 0) {
			queryParameters(target.substring(query + 1)).forEach(request::withQueryParam);
		}
		Map<String, List<String>> byName = new LinkedHashMap<>();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			byName.computeIfAbsent(headers[i], (name) -> new ArrayList<>()).add(headers[i + 1]);
		}
		byName.forEach(request::withHeader);
		if (body != null) {
			request.withBody(body);
		}
		return request.build();
	}

	private static Map<String, List<String>> queryParameters(String query) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

}
