package com.littlethreads.platform.core.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The problem types every service shares. Their URIs are part of the API contract:
 * clients may branch on them, so they never change. Services add their own with
 * {@link #uri(String)}.
 */
public enum ProblemType {

	VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, "Invalid request",
			"One or more fields are invalid."),

	MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST, "Malformed request body",
			"The request body could not be read as JSON of the expected shape."),

	INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid request parameter",
			"A request parameter or header is missing or has an invalid value."),

	BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request", "The request could not be understood."),

	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required",
			"A valid bearer token is required to access this resource."),

	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Access denied",
			"Your credentials do not grant access to this resource."),

	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found", "No resource exists at this address."),

	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
			"This resource does not support the request method."),

	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
			"This resource cannot be represented in any of the requested media types."),

	DUPLICATE("duplicate", HttpStatus.CONFLICT, "Already exists",
			"A resource with the same unique value already exists."),

	CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict",
			"The request conflicts with the current state of the resource."),

	CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT, "Modified concurrently",
			"The resource was changed by someone else since you read it. Read it again and retry."),

	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large",
			"The request body is larger than this service accepts."),

	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
			"The request body's content type is not supported here; send application/json."),

	INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
			"Something went wrong on our side. Quote the request id if you contact us."),

	NOT_IMPLEMENTED("not-implemented", HttpStatus.NOT_IMPLEMENTED, "Not implemented",
			"The request uses an HTTP feature this service does not implement, such as an unknown transfer coding."),

	HTTP_VERSION_NOT_SUPPORTED("http-version-not-supported", HttpStatus.HTTP_VERSION_NOT_SUPPORTED,
			"HTTP version not supported", "This service speaks HTTP/1.1 and HTTP/1.0 only."),

	SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
			"The service cannot handle the request right now. Try again shortly.");

	/**
	 * Where problem type URIs live. Documented in {@code docs/problems.md}.
	 */
	public static final String BASE_URI = "https://littlethreads.shop/problems/";

	private final URI uri;

	private final HttpStatus status;

	private final String title;

	private final String defaultDetail;

	ProblemType(String slug, HttpStatus status, String title, String defaultDetail) {
		this.uri = uri(slug);
		this.status = status;
		this.title = title;
		this.defaultDetail = defaultDetail;
	}

	public URI uri() {
		return this.uri;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public String defaultDetail() {
		return this.defaultDetail;
	}

	/**
	 * The URI of a service-specific problem type, for example {@code product-not-found}.
	 * @param slug the type's stable name
	 * @return its URI under {@link #BASE_URI}
	 */
	public static URI uri(String slug) {
		return URI.create(BASE_URI + slug);
	}

	/**
	 * The shared type that describes a bare HTTP status, or {@code null} where none fits.
	 * @param status the status code
	 * @return the problem type for that status, or {@code null}
	 */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 501 -> NOT_IMPLEMENTED;
			case 503 -> SERVICE_UNAVAILABLE;
			case 505 -> HTTP_VERSION_NOT_SUPPORTED;
			default -> (status >= 500) ? INTERNAL_ERROR : null;
		};
	}

}
