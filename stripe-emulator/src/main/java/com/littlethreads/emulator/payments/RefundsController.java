package com.littlethreads.emulator.payments;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApi;

/**
 * {@code /v1/refunds}: refunds all or part of a paid PaymentIntent (or charge), emitting
 * {@code refund.created} and {@code charge.refunded}; reads one; lists them newest first,
 * by {@code payment_intent} or {@code charge}.
 */
@RestController
@StripeApi
class RefundsController {

	private final Account account;

	RefundsController(Account account) {
		this.account = account;
	}

	@PostMapping("/v1/refunds")
	RefundJson create(HttpServletRequest request) {
		return this.account.refund(RefundRequest.parse(FormParams.of(request.getParameterMap())));
	}

	@GetMapping("/v1/refunds/{id}")
	RefundJson retrieve(@PathVariable String id, HttpServletRequest request) {
		FormParams params = FormParams.of(request.getParameterMap());
		params.rejectUnknown(Set.of("expand"));
		params.expand(Set.of());
		return this.account.refund(id);
	}

	@GetMapping("/v1/refunds")
	ListJson<RefundJson> list(HttpServletRequest request) {
		return this.account.refunds(RefundListRequest.parse(FormParams.of(request.getParameterMap())));
	}

}
