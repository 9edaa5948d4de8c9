package com.littlethreads.payment;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.problem.InvalidField;
import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * payment-service's own problem types. Their type URIs are part of the API contract and
 * are listed in {@code docs/problems.md}.
 */
public final class PaymentProblems {

	private PaymentProblems() {
	}

	/**
	 * A request header that is missing or malformed, in the shape of an
	 * {@code invalid-parameter} problem about a query parameter.
	 * @param name the header
	 * @param message what is wrong with it, to follow its name
	 * @return the exception
	 */
	public static ErrorResponseException invalidHeader(String name, String message) {
		ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER, "Header '%s' %s.".formatted(name, message));
		problem.setProperty(Problems.ERRORS, List.of(new InvalidField(name, message)));
		return Problems.exception(problem);
	}

	public static ErrorResponseException idempotencyKeyReused() {
		return Problems.exception(Problems.of(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key reused",
				"This Idempotency-Key was already used with a different request body. Use a new key for a new request."));
	}

	public static ErrorResponseException requestInProgress() {
		ErrorResponseException ex = Problems.exception(Problems.of(HttpStatus.CONFLICT, "request-in-progress",
				"Request in progress",
				"A request with this Idempotency-Key is still being processed. Retry in a moment to get its result."));
		ex.getHeaders().set("Retry-After", "1");
		return ex;
	}

	/**
	 * Lines whose SKU the catalog does not sell (unknown or not active). Like
	 * catalog-service's problem of the same type it lists the {@code skus}; it also names
	 * the {@code lines} of the cart.
	 * @param lines the offending lines, each a map with its {@code index} and {@code sku}
	 * @param detail the explanation naming the lines
	 * @return the exception
	 */
	public static ErrorResponseException unknownSku(List<java.util.Map<String, Object>> lines, String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-sku", "Unknown product", detail);
		problem.setProperty("lines", lines);
		problem.setProperty("skus", lines.stream().map((line) -> line.get("sku")).toList());
		return Problems.exception(problem);
	}

	public static ErrorResponseException insufficientStock(List<?> lines, String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "insufficient-stock", "Not enough stock", detail);
		problem.setProperty("lines", lines);
		return Problems.exception(problem);
	}

	public static ErrorResponseException unknownAddress(String id) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-address", "Unknown address",
				"You have no saved address '%s'.".formatted(id));
		problem.setProperty("shippingAddressId", id);
		return Problems.exception(problem);
	}

	public static ErrorResponseException unavailable(String slug, String what) {
		return Problems.exception(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, slug, "Temporarily unavailable",
				"The %s cannot be reached right now. Nothing was charged; try again shortly.".formatted(what)));
	}

	public static ErrorResponseException paymentProviderError() {
		return Problems
			.exception(Problems.of(HttpStatus.BAD_GATEWAY, "payment-provider-error", "Payment provider error",
					"The payment provider refused the request. Nothing was charged; try again or contact us."));
	}

	public static ErrorResponseException paymentProviderUnavailable() {
		return Problems.exception(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "payment-provider-unavailable",
				"Payment provider unavailable",
				"The payment provider cannot be reached right now. Nothing was charged; try again shortly."));
	}

	public static ErrorResponseException orderNotFound(String id) {
		return Problems.exception(Problems.of(HttpStatus.NOT_FOUND, "order-not-found", "Order not found",
				"There is no order '%s' you may see.".formatted(id)));
	}

	public static ErrorResponseException orderNotCancellable(String id, Object status) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "order-not-cancellable", "Order cannot be cancelled",
				"Order '%s' is %s; only an order awaiting payment can be cancelled.".formatted(id, status));
		problem.setProperty("orderStatus", String.valueOf(status));
		return Problems.exception(problem);
	}

	public static ErrorResponseException orderNotRefundable(String id, Object status) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "order-not-refundable", "Order cannot be refunded",
				"Order '%s' is %s; only a paid order can be refunded.".formatted(id, status));
		problem.setProperty("orderStatus", String.valueOf(status));
		return Problems.exception(problem);
	}

	public static ErrorResponseException refundTooLarge(long requested, long refundable) {
		return Problems.exception(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "refund-too-large", "Refund too large",
				"The refund of %d exceeds the %d still refundable on this order.".formatted(requested, refundable)));
	}

	/**
	 * A refund Stripe cannot make because what is left is less than asked for; how much
	 * is left is Stripe's to know (a refund made in its dashboard reaches the order only
	 * with the event).
	 * @param requested the amount asked for
	 * @return the exception
	 */
	public static ErrorResponseException refundTooLarge(long requested) {
		return Problems.exception(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "refund-too-large", "Refund too large",
				"The refund of %d exceeds what the payment provider still holds refundable on this order."
					.formatted(requested)));
	}

	public static ErrorResponseException alreadyRefunded(String id) {
		return Problems.exception(Problems.of(HttpStatus.CONFLICT, "already-refunded", "Already refunded",
				("Everything paid for order '%s' has been refunded or is being refunded; the order shows it once "
						+ "the payment provider confirms the refund.")
					.formatted(id)));
	}

	public static ErrorResponseException malformedEvent() {
		return Problems.exception(Problems.of(HttpStatus.BAD_REQUEST, "malformed-event", "Unreadable Stripe event",
				"The event is correctly signed but is not a Stripe event of the expected shape; nothing was changed."));
	}

	public static ErrorResponseException invalidSignature() {
		return Problems.exception(Problems.of(HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid webhook signature",
				"The Stripe-Signature header is missing or does not match the body."));
	}

}
