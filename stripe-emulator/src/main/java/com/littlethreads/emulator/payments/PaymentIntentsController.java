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
 * {@code GET /v1/payment_intents/{id}}, with {@code expand[]=latest_charge}. A session's
 * PaymentIntent exists from its first payment attempt, as in Stripe.
 * {@code POST /v1/payment_intents} with {@code confirm=true} and a test PaymentMethod
 * takes a card payment without a browser, as Stripe's test mode does.
 */
@RestController
@StripeApi
class PaymentIntentsController {

	private final Account account;

	PaymentIntentsController(Account account) {
		this.account = account;
	}

	@PostMapping("/v1/payment_intents")
	PaymentIntentJson create(HttpServletRequest request) {
		return this.account.createPaymentIntent(PaymentIntentRequest.parse(FormParams.of(request.getParameterMap())));
	}

	@GetMapping("/v1/payment_intents/{id}")
	PaymentIntentJson retrieve(@PathVariable String id, HttpServletRequest request) {
		FormParams params = FormParams.of(request.getParameterMap());
		params.rejectUnknown(Set.of("expand"));
		return this.account.paymentIntent(id, params.expand(Set.of("latest_charge")).contains("latest_charge"));
	}

}
