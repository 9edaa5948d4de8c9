package com.littlethreads.emulator.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders API failures as Stripe does: {@code {"error":{type, code, message, param}}}
 * with Stripe's status, never a Spring error page.
 */
@RestControllerAdvice(annotations = StripeApi.class)
class StripeApiExceptionHandler {

	@ExceptionHandler
	ResponseEntity<Map<String, StripeError>> stripeError(StripeApiException ex, HttpServletRequest request) {
		if (!ex.isValidation()) {
			request.setAttribute(IdempotencyFilter.ENDPOINT_RAN, Boolean.TRUE);
		}
		return ResponseEntity.status(ex.status()).body(Map.of("error", ex.error()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, StripeError>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(400)
			.body(Map.of("error", StripeError.invalidRequest(
					"Invalid request: the body must be application/x-www-form-urlencoded, as Stripe's API expects.",
					null)));
	}

}
