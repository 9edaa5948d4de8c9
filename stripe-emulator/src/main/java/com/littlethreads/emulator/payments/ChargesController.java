package com.littlethreads.emulator.payments;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApi;

/**
 * {@code GET /v1/charges/{id}} and {@code GET /v1/disputes/{id}}: what an integration
 * reads again when an event about them was rendered for another API version.
 */
@RestController
@StripeApi
class ChargesController {

	private final Account account;

	ChargesController(Account account) {
		this.account = account;
	}

	@GetMapping("/v1/charges/{id}")
	ChargeJson charge(@PathVariable String id, HttpServletRequest request) {
		noParameters(request);
		return this.account.charge(id);
	}

	@GetMapping("/v1/disputes/{id}")
	DisputeJson dispute(@PathVariable String id, HttpServletRequest request) {
		noParameters(request);
		return this.account.dispute(id);
	}

	private static void noParameters(HttpServletRequest request) {
		FormParams params = FormParams.of(request.getParameterMap());
		params.rejectUnknown(Set.of("expand"));
		params.expand(Set.of());
	}

}
