package com.littlethreads.emulator.api;

/**
 * Ends an API request with a Stripe error body and status.
 */
public class StripeApiException extends RuntimeException {

	private final int status;

	private final StripeError error;

	/**
	 * An error answered with the given status.
	 * @param status the HTTP status (400, 401, 404 ...)
	 * @param error the body's {@code error} member
	 */
	public StripeApiException(int status, StripeError error) {
		super(error.message());
		this.status = status;
		this.error = error;
	}

	/**
	 * A 400 {@code invalid_request_error}.
	 * @param message what is wrong
	 * @param param the parameter at fault, or {@code null}
	 * @return the exception
	 */
	public static StripeApiException badRequest(String message, String param) {
		return new StripeApiException(400, StripeError.invalidRequest(message, param));
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

}
