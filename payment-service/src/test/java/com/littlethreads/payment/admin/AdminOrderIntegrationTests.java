package com.littlethreads.payment.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.platform.test.Concurrently;
import com.littlethreads.platform.test.TestJwts;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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

	static Stream<Arguments> invalidFilters() {
		return Stream.of(arguments("status=SHIPPED", "invalid-parameter"),
				arguments("email=ada%00@example.com", "invalid-parameter"),
				arguments("email=" + "a".repeat(255), "validation-failed"));
	}

	@ParameterizedTest
	@MethodSource("invalidFilters")
	void anInvalidFilterIsAProblemNamingIt(String filter, String type) {
		Response response = this.http.get("/api/orders/admin/orders?" + filter, "Authorization", ADMIN);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + type);
		assertThat(response.json().get("errors").get(0).get("field").asString())
			.isEqualTo(filter.substring(0, filter.indexOf('=')));
	}

	@Test
	void customersCannotUseTheAdminApi() {
		assertThat(this.http.get("/api/orders/admin/orders", "Authorization", "Bearer " + TestJwts.token("user-1"))
			.status()).isEqualTo(403);
		assertThat(this.http.get("/api/orders/admin/orders").status()).isEqualTo(401);
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

		wiremock.stubFor(
				get(urlPathEqualTo("/v1/refunds")).willReturn(okJson(refundList(refund("re_1", 2400, "succeeded")))));
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

	@Test
	void refundRightAfterAFullRefundIsAConflictAndStripeIsAskedOnce() {
		String orderId = paidOrder();
		stubRefund("re_full", 2400);

		Response first = refund(orderId, "refund-key-1001", null);
		Response second = refund(orderId, "refund-key-1002", null);
		Response someLines = refund(orderId, "refund-key-1003", """
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}]}""");

		assertThat(first.status()).isEqualTo(202);
		for (Response again : List.of(second, someLines)) {
			assertThat(again.status()).as(again.body()).isEqualTo(409);
			assertThat(again.contentType()).startsWith("application/problem+json");
			assertThat(again.json().get("type").asString()).isEqualTo(PROBLEMS + "already-refunded");
		}
		wiremock.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	@Test
	void refundStripeCallsAlreadyRefundedIsAConflictNotAProviderError() {
		String orderId = paidOrder();
		// Refunded in Stripe's dashboard: only Stripe knows so far.
		wiremock.stubFor(post("/v1/refunds")
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "invalid_request_error", "code": "charge_already_refunded", "param": "charge",
					 "message": "Charge ch_1 has already been refunded."}}""")));

		Response response = refund(orderId, "refund-key-1004", null);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "already-refunded");
		assertThat(response.body()).doesNotContain("ch_1");
		// Nothing was refunded by this request, so nothing stays set aside for it.
		wiremock.stubFor(post("/v1/refunds").willReturn(okJson("""
				{"id": "re_after", "object": "refund", "amount": 1200, "currency": "gbp", "status": "succeeded"}""")));
		assertThat(refund(orderId, "refund-key-1005", """
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}]}""").status()).isEqualTo(202);
	}

	@Test
	void refundStripeCallsLargerThanWhatIsLeftIsTooLarge() {
		String orderId = paidOrder();
		wiremock.stubFor(post("/v1/refunds")
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "invalid_request_error", "code": "amount_too_large", "param": "amount",
					 "message": "Refund amount (£12.00) is greater than unrefunded amount on charge (£4.00)"}}""")));

		Response response = refund(orderId, "refund-key-1006", """
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}]}""");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "refund-too-large");
		assertThat(response.body()).doesNotContain("£");
	}

	@Test
	void concurrentFullRefundsRefundOnceAndTheOthersAreConflicts() throws Exception {
		String orderId = paidOrder();
		stubRefund("re_once", 2400);

		List<Integer> statuses = Concurrently.run(6, (i) -> refund(orderId, "refund-key-20" + i + "0", null).status());

		assertThat(statuses).containsOnly(202, 409).containsOnlyOnce(202);
		wiremock.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	@Test
	void retriedRefundWithTheSameKeyIsAskedAgainUnderTheSameStripeKey() {
		String orderId = paidOrder();
		stubRefund("re_retry", 2400);

		Response first = refund(orderId, "refund-key-3001", null);
		Response retry = refund(orderId, "refund-key-3001", null);

		assertThat(first.status()).isEqualTo(202);
		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.json().get("refundId").asString()).isEqualTo("re_retry");
		wiremock.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key",
				equalTo("refund-" + orderId + "-refund-key-3001")));
	}

	@Test
	void sameRefundKeyForAnotherAmountIsAConflict() {
		String orderId = paidOrder();
		stubRefund("re_part", 1200);
		assertThat(refund(orderId, "refund-key-3002", """
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}]}""").status()).isEqualTo(202);

		Response other = refund(orderId, "refund-key-3002", null);

		assertThat(other.status()).isEqualTo(409);
		assertThat(other.json().get("type").asString()).isEqualTo(PROBLEMS + "idempotency-key-reused");
		wiremock.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	@Test
	void refundThatStripeRefusesForAnotherReasonIsAProviderErrorAndSetsNothingAside() {
		String orderId = paidOrder();
		wiremock.stubFor(post("/v1/refunds")
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "invalid_request_error", "message": "Something else"}}""")));

		assertThat(refund(orderId, "refund-key-3003", null).status()).isEqualTo(502);
		stubRefund("re_later", 2400);

		assertThat(refund(orderId, "refund-key-3004", null).status()).isEqualTo(202);
	}

	@Test
	void longestRefundKeyStillGivesStripeAKeyItAccepts() {
		String orderId = paidOrder();
		stubRefund("re_long", 2400);
		String key = "k".repeat(255);

		Response response = refund(orderId, key, null);

		assertThat(response.status()).isEqualTo(202);
		LoggedRequest sent = wiremock.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))).get(0);
		assertThat(sent.getHeader("Idempotency-Key")).startsWith("refund-" + orderId + "-")
			.hasSizeLessThanOrEqualTo(255);
		assertThat(refund(orderId, key, null).json().get("refundId").asString()).isEqualTo("re_long");
		assertThat(wiremock.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))))
			.extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly(sent.getHeader("Idempotency-Key"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "café-refund-key", "key with space", "short" })
	void refundKeyOutsideVisibleAsciiIsAnInvalidParameterAndStripeIsNotAsked(String key) {
		String orderId = paidOrder();
		Response response = sendRaw("POST", "/api/orders/admin/orders/" + orderId + "/refunds", null, "Authorization",
				ADMIN, "Idempotency-Key", key);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "invalid-parameter");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "(", "*", "\\", "ada@example.com)", "[a-z]*@example.com", ".*", "\\E.*", "a{1,}", "$where" })
	void emailFilterMatchesRegexCharactersLiterally(String email) {
		placeGuestOrder();

		Response response = this.http.get("/api/orders/admin/orders?email=" + encode(email), "Authorization", ADMIN);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("total").asLong()).isZero();
	}

	@Test
	void emailFilterStillMatchesTheWholeAddressIgnoringCase() {
		String guest = placeGuestOrder().json().get("orderId").asString();

		JsonNode page = this.http
			.get("/api/orders/admin/orders?email=" + encode(" ADA@Example.com "), "Authorization", ADMIN)
			.json();

		assertThat(page.get("total").asLong()).isOne();
		assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(guest);
		assertThat(this.http.get("/api/orders/admin/orders?email=ada", "Authorization", ADMIN)
			.json()
			.get("total")
			.asLong()).isZero();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void stubRefund(String id, long amount) {
		wiremock.stubFor(post("/v1/refunds").willReturn(okJson("""
				{"id": "%s", "object": "refund", "amount": %d, "currency": "gbp", "status": "succeeded",
				 "payment_intent": "pi_cs_test_1"}""".formatted(id, amount))));
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
