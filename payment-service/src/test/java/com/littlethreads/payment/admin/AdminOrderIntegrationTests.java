package com.littlethreads.payment.admin;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.platform.test.TestJwts;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff's order list and refunds through Stripe.
 */
@PaymentServiceTest
class AdminOrderIntegrationTests extends PaymentHttpTest {

	private static final String ADMIN = "Bearer " + TestJwts.token("staff-1", "ADMIN");

	@Test
	void adminListsAndFiltersAllOrders() {
		String paid = paidOrder();
		placeGuestOrder();

		Response all = this.http.get("/api/orders/admin/orders", "Authorization", ADMIN);
		Response onlyPaid = this.http.get("/api/orders/admin/orders?status=PAID&email=ADA@example.com", "Authorization",
				ADMIN);

		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("total").asLong()).isEqualTo(2);
		JsonNode page = onlyPaid.json();
		assertThat(page.get("total").asLong()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(paid);
		assertThat(page.get("items").get(0).get("needsAttention").asBoolean()).isFalse();
	}

	@Test
	void emailFilterWithAControlCharacterIsAnInvalidParameterNotAFailure() {
		placeGuestOrder();

		Response response = this.http.get("/api/orders/admin/orders?email=ada%00@example.com", "Authorization", ADMIN);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "invalid-parameter");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
	}

	@Test
	void customersCannotUseTheAdminApi() {
		assertThat(this.http.get("/api/orders/admin/orders", "Authorization", "Bearer " + TestJwts.token("user-1"))
			.status()).isEqualTo(403);
		assertThat(this.http.get("/api/orders/admin/orders").status()).isEqualTo(401);
	}

	@Test
	void unknownStatusFilterIsABadRequest() {
		Response response = this.http.get("/api/orders/admin/orders?status=SHIPPED", "Authorization", ADMIN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void fullRefundAsksStripeWithTheIdempotencyKeyAndStatusFollowsTheEvent() {
		String orderId = paidOrder();
		wiremock.stubFor(post("/v1/refunds").willReturn(okJson("""
				{"id": "re_1", "object": "refund", "amount": 2400, "currency": "gbp", "status": "succeeded",
				 "payment_intent": "pi_cs_test_1"}""")));

		Response response = refund(orderId, "refund-key-0001", null);

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("refundId").asString()).isEqualTo("re_1");
		assertThat(response.json().get("amount").get("amount").asLong()).isEqualTo(2400);
		wiremock.verify(exactly(1),
				postRequestedFor(urlEqualTo("/v1/refunds"))
					.withHeader("Idempotency-Key", equalTo("refund-" + orderId + "-refund-key-0001"))
					.withFormParam("payment_intent", equalTo("pi_cs_test_1"))
					.withFormParam("amount", equalTo("2400"))
					.withFormParam("metadata[order_id]", equalTo(orderId)));
		assertThat(order(orderId).status()).isEqualTo(OrderStatus.PAID);

		deliver(event("evt_refund", "charge.refunded", """
				{"id": "ch_1", "object": "charge", "amount": 2400, "amount_refunded": 2400, "refunded": true,
				 "payment_intent": "pi_cs_test_1", "metadata": {}}"""));

		assertThat(order(orderId).status()).isEqualTo(OrderStatus.REFUNDED);
	}

	@Test
	void lineRefundAsksForThoseLinesOnly() {
		String orderId = paidOrder();
		wiremock.stubFor(post("/v1/refunds").willReturn(okJson("""
				{"id": "re_2", "object": "refund", "amount": 1200, "currency": "gbp", "status": "pending"}""")));

		Response response = refund(orderId, "refund-key-0002", """
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}]}""");

		assertThat(response.status()).isEqualTo(202);
		wiremock.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withFormParam("amount", equalTo("1200")));
	}

	@Test
	void refundOfALineNotOrderedIsAValidationProblem() {
		String orderId = paidOrder();

		Response response = refund(orderId, "refund-key-0003", """
				{"lines": [{"sku": "LT-OTHER", "quantity": 1}]}""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].sku");
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	@Test
	void unpaidOrderCannotBeRefunded() {
		String orderId = placeGuestOrder().json().get("orderId").asString();

		Response response = refund(orderId, "refund-key-0004", null);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "order-not-refundable");
	}

	@Test
	void refundNeedsAnIdempotencyKey() {
		String orderId = paidOrder();

		Response response = this.http.send("POST", "/api/orders/admin/orders/" + orderId + "/refunds", null,
				"Authorization", ADMIN);

		assertThat(response.status()).isEqualTo(400);
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	private Response refund(String orderId, String key, String body) {
		if (body == null) {
			return this.http.send("POST", "/api/orders/admin/orders/" + orderId + "/refunds", null, "Authorization",
					ADMIN, "Idempotency-Key", key);
		}
		return this.http.send("POST", "/api/orders/admin/orders/" + orderId + "/refunds", body, "Authorization", ADMIN,
				"Idempotency-Key", key, "Content-Type", "application/json");
	}

	private String paidOrder() {
		String orderId = placeGuestOrder().json().get("orderId").asString();
		deliver(event("evt_paid_" + orderId, "checkout.session.completed",
				session("cs_test_1", "complete", "paid", orderId)));
		return orderId;
	}

}
