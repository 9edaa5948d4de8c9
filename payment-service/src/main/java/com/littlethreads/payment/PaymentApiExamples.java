package com.littlethreads.payment;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.littlethreads.platform.openapi.RequestBodyExamples;

/**
 * An example of every request body in payment-service's document: a guest's checkout, a
 * partial refund, and the shape of an event Stripe sends.
 */
@Configuration(proxyBeanMethods = false)
class PaymentApiExamples {

	@Bean
	RequestBodyExamples paymentRequestBodyExamples() {
		return new RequestBodyExamples(Map.of("POST /api/checkout", """
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 2}, {"sku": "LT-DRESS-BLUE-5Y", "quantity": 1}],
				 "email": "ada@example.com",
				 "shippingAddress": {"name": "Ada Lovelace", "line1": "12 Orchard Lane", "line2": "Flat 3",
				                     "city": "Bristol", "postalCode": "BS1 4DJ", "country": "GB"}}""",
				"POST /api/orders/admin/orders/{id}/refunds", """
						{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}]}""", "POST /api/payments/stripe/webhook",
				"""
						{"id": "evt_1QxExample", "object": "event", "api_version": "2026-07-29.dahlia",
						 "created": 1764921600, "type": "checkout.session.completed", "livemode": false,
						 "data": {"object": {"id": "cs_test_a1Example", "object": "checkout.session",
						                     "amount_total": 3600, "currency": "gbp", "payment_status": "paid",
						                     "status": "complete", "client_reference_id": "ord_4f6c2a9e81d0b3c5a7e2f1d4",
						                     "metadata": {"order_id": "ord_4f6c2a9e81d0b3c5a7e2f1d4"}}}}"""));
	}

}
