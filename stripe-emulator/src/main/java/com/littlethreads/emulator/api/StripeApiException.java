package com.littlethreads.emulator.api;

/**
 * Ends an API request with a Stripe error body and status.
 * <p>
 * Stripe saves the result of an idempotent request once its endpoint has started to run,
 * failures included, and replays it for the same key; a request refused while its
 * parameters were being checked saves nothing, so it can be fixed and sent again under
 * the same key. {@link #isValidation()} tells the two apart.
 */
public class StripeApiException extends RuntimeException {

	private final int status;

	private final StripeError error;

	private final boolean validation;

	/**
	 * A failure of a request whose endpoint ran: saved under its idempotency key.
	 * @param status the HTTP status (400, 402, 404 ...)
	 * @param error the body's {@code error} member
	 */
	public StripeApiException(int status, StripeError error) {
		this(status, error, false);
	}

	/**
	 * A failure answered with the given status.
	 * @param status the HTTP status
	 * @param error the body's {@code error} member
	 * @param validation whether the request was refused before its endpoint ran
	 */
	public StripeApiException(int status, StripeError error, boolean validation) {
		super(error.message());
		this.status = status;
		this.error = error;
		this.validation = validation;
	}

	/**
	 * A 400 {@code invalid_request_error} for parameters that fail validation.
	 * @param message what is wrong
	 * @param param the parameter at fault, or {@code null}
	 * @return the exception
	 */
	public static StripeApiException badRequest(String message, String param) {
		return invalidParameter(null, message, param);
	}

	/**
	 * A 400 {@code invalid_request_error} with one of Stripe's codes for parameters that
	 * fail validation ({@code parameter_unknown}, {@code parameter_missing} ...).
	 * @param code the code, or {@code null}
	 * @param message what is wrong
	 * @param param the parameter at fault, or {@code null}
	 * @return the exception
	 */
	public static StripeApiException invalidParameter(String code, String message, String param) {
		return new StripeApiException(400, StripeError.invalidRequest(code, message, param), true);
	}

	/**
	 * A 400 {@code invalid_request_error} from an endpoint that ran: the objects named
	 * cannot do what was asked ({@code charge_already_refunded} ...).
	 * @param code the code, or {@code null}
	 * @param message what is wrong
	 * @param param the parameter at fault, or {@code null}
	 * @return the exception
	 */
	public static StripeApiException refused(String code, String message, String param) {
		return new StripeApiException(400, StripeError.invalidRequest(code, message, param));
	}

	/**
	 * The HTTP status.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The error body.
	 * @return the error
	 */
	public StripeError error() {
		return this.error;
	}

	/**
	 * Whether the request was refused before its endpoint ran, so that nothing is saved
	 * under its idempotency key.
	 * @return {@code true} for validation failures
	 */
	public boolean isValidation() {
		return this.validation;
	}

}
