package com.littlethreads.emulator.payments;

import java.time.Clock;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApi;

/**
 * {@code /v1/checkout/sessions}: create, retrieve (with {@code expand[]=payment_intent})
 * and expire.
 */
@RestController
@StripeApi
class CheckoutSessionsController {

	private static final Set<String> EXPANDABLE = Set.of("payment_intent");

	private final Account account;

	private final Clock clock;

	CheckoutSessionsController(Account account, Clock clock) {
		this.account = account;
		this.clock = clock;
	}

	@PostMapping("/v1/checkout/sessions")
	SessionJson create(HttpServletRequest request) {
		SessionRequest session = SessionRequest.parse(FormParams.of(request.getParameterMap()), this.clock.instant());
		SessionJson created = this.account.createSession(session);
		return session.expand().isEmpty() ? created : this.account.session(created.id(), true);
	}

	@GetMapping("/v1/checkout/sessions/{id}")
	SessionJson retrieve(@PathVariable String id, HttpServletRequest request) {
		FormParams params = FormParams.of(request.getParameterMap());
		params.rejectUnknown(Set.of("expand"));
		return this.account.session(id, params.expand(EXPANDABLE).contains("payment_intent"));
	}

	@PostMapping("/v1/checkout/sessions/{id}/expire")
	SessionJson expire(@PathVariable String id, HttpServletRequest request) {
		FormParams params = FormParams.of(request.getParameterMap());
		params.rejectUnknown(Set.of("expand"));
		return this.account.expire(id, params.expand(EXPANDABLE).contains("payment_intent"));
	}

}
