package com.littlethreads.emulator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The {@code error} member of Stripe's error body; stripe-java picks its exception class
 * from the HTTP status and {@code type}, and exposes {@code code}, {@code decline_code},
 * {@code param} and the {@code payment_intent} a card error concerns.
 *
 * @param type {@code invalid_request_error}, {@code idempotency_error},
 * {@code card_error} or {@code api_error}
 * @param code a machine-readable code such as {@code parameter_unknown} or
 * {@code resource_missing}, or {@code null}
 * @param declineCode the issuer's reason for a declined card, or {@code null}
 * @param message what went wrong, for a developer
 * @param param the offending parameter in Stripe's bracket notation, or {@code null}
 * @param paymentIntent the PaymentIntent a card error concerns, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StripeError(String type, String code, String declineCode, String message, String param,
		Object paymentIntent) {

	static final String INVALID_REQUEST = "invalid_request_error";

	/**
	 * An error without a decline or a PaymentIntent.
	 * @param type the error type
	 * @param code the code, or {@code null}
	 * @param message what went wrong
	 * @param param the parameter at fault, or {@code null}
	 */
	public StripeError(String type, String code, String message, String param) {
		this(type, code, null, message, param, null);
	}

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

	/**
	 * A declined card, as confirming a PaymentIntent reports it (HTTP 402).
	 * @param code for example {@code card_declined}
	 * @param declineCode for example {@code generic_decline}
	 * @param message what the customer is told
	 * @param paymentIntent the PaymentIntent as it now is
	 * @return the error
	 */
	public static StripeError cardError(String code, String declineCode, String message, Object paymentIntent) {
		return new StripeError("card_error", code, declineCode, message, null, paymentIntent);
	}

}
