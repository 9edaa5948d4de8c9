package com.littlethreads.gateway.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

import com.littlethreads.platform.core.problem.ProblemType;

/**
 * The problem types the gateway answers with. The URIs are the ones the services use
 * ({@link ProblemType#uri(String)}; and {@code gateway-timeout}, which only the gateway
 * can observe), because a client should not have to care which hop answered.
 */
enum GatewayProblem {

	BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "The request could not be understood."),

	// The path rule (see the path package): one form for the limits, the routes and the
	// services, or a refusal.
	INVALID_PATH(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid path",
			"The request's path is not in a form this API accepts: encoded slashes, backslashes and control "
					+ "characters, dot and empty segments, semicolons and malformed percent-encoding are refused."),

	// Only the CORS check answers 403 at the gateway: an origin the storefront is not on.
	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This request is not allowed from this origin."),

	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found", "No resource exists at this address."),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
			"This resource does not support the request method."),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
			"This resource cannot be represented in any of the requested media types."),

	// The gateway refuses these before any service sees them (see the limits package).
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
			"The request body is larger than this API accepts."),

	// Netty's limit on the request line (see BareRejections).
	URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI too long",
			"The request's address is longer than this API accepts."),

	REQUEST_HEADER_FIELDS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-fields-too-large",
			"Request header fields too large", "The request headers are larger than this API accepts."),

	// Retry-After says when the client's bucket has a token again.
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
			"You have sent too many requests in a short time. Wait a moment (see Retry-After) and try again."),

	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
			"Something went wrong on our side. Quote the request id if you contact us."),

	BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
			"The service behind this address broke off its answer. Try again shortly."),

	// Worded for any service: the caller does not need, and must not learn, which host
	// is behind the address.
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
			"The service behind this address is not reachable right now. Try again shortly."),

	GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout",
			"The service behind this address took too long to answer. Try again shortly.");

	private final HttpStatus status;

	private final URI type;

	private final String title;

	private final String detail;

	GatewayProblem(HttpStatus status, String slug, String title, String detail) {
		this.status = status;
		this.type = ProblemType.uri(slug);
		this.title = title;
		this.detail = detail;
	}

	HttpStatus status() {
		return this.status;
	}

	Problem toProblem(String instance, String requestId) {
		return new Problem(this.type, this.title, this.status.value(), this.detail, instance, requestId);
	}

	/**
	 * The general type for a status (the first declared for it), or {@code null} when the
	 * gateway has none of its own for it.
	 */
	static GatewayProblem forStatus(int status) {
		for (GatewayProblem problem : values()) {
			if (problem.status.value() == status) {
				return problem;
			}
		}
		return null;
	}

}
