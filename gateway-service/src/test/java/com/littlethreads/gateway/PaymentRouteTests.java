package com.littlethreads.gateway;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Checkout, orders and Stripe's webhook go to payment-service unchanged.
 */
class PaymentRouteTests extends UpstreamGatewayTest {

	@Test
	void checkoutIsProxiedWithItsIdempotencyKeyAndBody() {
		String checkout = """
				{"lines":[{"sku":"TEE-RED-4T","quantity":2}],"email":"ada@example.com"}""";
		String created = """
				{"orderId":"ord_1","checkoutUrl":"http://localhost:8090/checkout/cs_1","orderToken":"ot_1"}""";
		upstream.stubFor(post(urlEqualTo("/api/checkout")).withHeader("Idempotency-Key", equalTo("cart-7f3a-0001"))
			.withRequestBody(equalToJson(checkout))
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(created)));

		this.client.post()
			.uri("/api/checkout")
			.header("Idempotency-Key", "cart-7f3a-0001")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(checkout)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.isEqualTo(created);
	}

	@Test
	void orderIsProxiedWithTheGuestsOrderToken() {
		upstream.stubFor(get(urlEqualTo("/api/orders/ord_1")).withHeader("X-Order-Token", equalTo("ot_1"))
			.willReturn(okJson("{\"id\":\"ord_1\",\"status\":\"PAID\"}")));

		this.client.get()
			.uri("/api/orders/ord_1")
			.header("X-Order-Token", "ot_1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAID");
	}

	@Test
	void checkoutSubpathsAreRoutedToo() {
		upstream.stubFor(get(urlEqualTo("/api/checkout/quote")).willReturn(okJson("{}")));

		this.client.get().uri("/api/checkout/quote").exchange().expectStatus().isOk();
		upstream.verify(1, getRequestedFor(urlEqualTo("/api/checkout/quote")));
	}

	@Test
	void webhookBodyReachesPaymentServiceByteForByte() {
		// Whitespace and key order as Stripe sent them: the signature covers these bytes.
		byte[] event = "{\n  \"id\": \"evt_1\",\t\"type\" : \"checkout.session.completed\", \"data\":{\"amount\":1200} }\n"
			.getBytes(StandardCharsets.UTF_8);
		String signature = "t=1764160000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd";
		upstream.stubFor(post(urlEqualTo("/api/payments/stripe/webhook")).willReturn(ok()));

		this.client.post()
			.uri("/api/payments/stripe/webhook")
			.header("Stripe-Signature", signature)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(event)
			.exchange()
			.expectStatus()
			.isOk();
		upstream.verify(1,
				postRequestedFor(urlEqualTo("/api/payments/stripe/webhook"))
					.withHeader("Stripe-Signature", equalTo(signature))
					.withRequestBody(binaryEqualTo(event)));
	}

	@ParameterizedTest
	@CsvSource({ "POST, /internal/inventory/reservations", "GET, /actuator/env", "GET, /api/checkouts",
			"GET, /api/orders-internal/export", "GET, /api/paymentsx", "GET, /payment-service/actuator/env" })
	void pathsOutsideThePublicPaymentPrefixesAreNeverProxied(HttpMethod method, String path) {
		Unrouted.assertNeverProxied(this.client, upstream, method, path);
	}

}
