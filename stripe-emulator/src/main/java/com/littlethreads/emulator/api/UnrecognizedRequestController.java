package com.littlethreads.emulator.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any {@code /v1} path or method the emulator does not serve the way Stripe
 * answers an unknown one: 404 with an {@code invalid_request_error}, so a call the
 * emulator lacks fails loudly instead of looking like success.
 */
@RestController
@StripeApi
class UnrecognizedRequestController {

	@RequestMapping("/v1/**")
	void unrecognized(HttpServletRequest request) {
		throw new StripeApiException(404, StripeError.invalidRequest("Unrecognized request URL (" + request.getMethod()
				+ ": " + request.getRequestURI() + "). The Stripe emulator serves only the endpoints "
				+ "payment-service and the Stripe contract tests use; see the stripe-emulator module's package documentation.",
				null), true);
	}

}
