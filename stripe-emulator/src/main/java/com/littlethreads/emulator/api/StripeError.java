package com.littlethreads.emulator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code error} member of Stripe's error body; stripe-java picks its exception class
 * from the HTTP status and {@code type}, and exposes {@code code} and {@code param}.
 *
 * @param type {@code invalid_request_error}, {@code idempotency_error} or
 * {@code api_error}
 * @param code a machine-readable code such as {@code resource_missing}, or {@code null}
 * @param message what went wrong, for a developer
 * @param param the offending parameter in Stripe's bracket notation, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StripeError(String type, String code, String message, String param) {

	static final String INVALID_REQUEST = "invalid_request_error";

	/**
	 * A request that cannot be served as sent.
	 * @param message what is wrong
	 * @param param the parameter at fault, or {@code null}
	 * @return the error
	 */
	public static StripeError invalidRequest(String message, String param) {
		return new StripeError(INVALID_REQUEST, null, message, param);
	}

	/**
	 * Like {@link #invalidRequest(String, String)} with one of Stripe's error codes.
	 * @param code the code
	 * @param message what is wrong
	 * @param param the parameter at fault, or {@code null}
	 * @return the error
	 */
	public static StripeError invalidRequest(String code, String message, String param) {
		return new StripeError(INVALID_REQUEST, code, message, param);
	}

	/**
	 * An object that does not exist, worded like Stripe:
	 * {@code No such checkout.session: 'cs_…'}.
	 * @param objectName the object's type name
	 * @param id the id asked for
	 * @param param the parameter that named it
	 * @return the error
	 */
	public static StripeError noSuch(String objectName, String id, String param) {
		return new StripeError(INVALID_REQUEST, "resource_missing", "No such " + objectName + ": '" + id + "'", param);
	}

}
