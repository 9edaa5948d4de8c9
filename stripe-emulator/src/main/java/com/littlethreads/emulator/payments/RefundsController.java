package com.littlethreads.emulator.payments;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApi;

/**
 * {@code POST /v1/refunds}: refunds all or part of a paid PaymentIntent (or charge) and
 * emits {@code charge.refunded}.
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

}
