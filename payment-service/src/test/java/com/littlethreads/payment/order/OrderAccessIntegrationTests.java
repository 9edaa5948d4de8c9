package com.littlethreads.payment.order;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.platform.test.TestJwts;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and cancel an order: its owner, an admin, or a guest with its token; to
 * anyone else it does not exist.
 */
@PaymentServiceTest
class OrderAccessIntegrationTests extends PaymentHttpTest {

	@Test
	void ownerSeesTheOrderInTheContractShape() {
		String orderId = placeUserOrder("user-1");

		Response response = this.http.get("/api/orders/" + orderId, "Authorization",
				"Bearer " + TestJwts.token("user-1"));

		assertThat(response.status()).isEqualTo(200);
		JsonNode order = response.json();
		assertThat(order.get("id").asString()).isEqualTo(orderId);
		assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(order.get("email").asString()).isEqualTo("ada@example.com");
		JsonNode line = order.get("lines").get(0);
		assertThat(line.get("sku").asString()).isEqualTo("LT-TEE-RED-4T");
		assertThat(line.get("unitPrice").get("amount").asLong()).isEqualTo(1200);
		assertThat(line.get("lineTotal").get("amount").asLong()).isEqualTo(2400);
		assertThat(order.get("total").get("currency").asString()).isEqualTo("GBP");
		assertThat(order.get("shippingAddress").get("city").asString()).isEqualTo("London");
		assertThat(order.has("paidAt")).isTrue();
		assertThat(order.has("userId")).isFalse();
		assertThat(order.has("orderTokenHash")).isFalse();
		assertThat(order.has("sessionId")).isFalse();
	}

	@Test
	void anotherUsersOrderIsNotFound() {
		String orderId = placeUserOrder("user-1");

		Response response = this.http.get("/api/orders/" + orderId, "Authorization",
				"Bearer " + TestJwts.token("user-2"));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "order-not-found");
	}

	@Test
	void adminSeesAnyOrder() {
		String orderId = placeUserOrder("user-1");

		Response response = this.http.get("/api/orders/" + orderId, "Authorization",
				"Bearer " + TestJwts.token("staff-1", "ADMIN"));

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void guestSeesTheOrderWithItsTokenOnly() {
		JsonNode placed = placeGuestOrder().json();
		String orderId = placed.get("orderId").asString();

		assertThat(
				this.http.get("/api/orders/" + orderId, "X-Order-Token", placed.get("orderToken").asString()).status())
			.isEqualTo(200);
		assertThat(this.http.get("/api/orders/" + orderId, "X-Order-Token", "wrong-token").status()).isEqualTo(404);
		assertThat(this.http.get("/api/orders/" + orderId).status()).isEqualTo(404);
		assertThat(
				this.http.get("/api/orders/" + orderId, "Authorization", "Bearer " + TestJwts.token("user-9")).status())
			.isEqualTo(404);
	}

	@Test
	void unknownOrderIsNotFound() {
		assertThat(this.http.get("/api/orders/ord_nothing", "Authorization", "Bearer " + TestJwts.token("user-1"))
			.status()).isEqualTo(404);
	}

	@Test
	void myOrdersAreListedNewestFirstAndPaged() {
		String first = placeUserOrder("user-3");
		this.clock.advance(minutes(1));
		String second = placeUserOrder("user-3");
		placeUserOrder("user-4");

		Response response = this.http.get("/api/orders?page=0&pageSize=1", "Authorization",
				"Bearer " + TestJwts.token("user-3"));

		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("pageSize").asInt()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(second);
		assertThat(this.http.get("/api/orders?page=1&pageSize=1", "Authorization", "Bearer " + TestJwts.token("user-3"))
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString()).isEqualTo(first);
	}

	@Test
	void listingNeedsAToken() {
		Response response = this.http.get("/api/orders");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void badPageSizeIsAValidationProblem() {
		Response response = this.http.get("/api/orders?pageSize=500", "Authorization",
				"Bearer " + TestJwts.token("user-3"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
	}

	@Test
	void guestCancelsAPendingOrderWhichExpiresTheSessionAndReleasesTheStock() {
		JsonNode placed = placeGuestOrder().json();
		String orderId = placed.get("orderId").asString();
		wiremock.stubFor(post("/v1/checkout/sessions/cs_test_1/expire")
			.willReturn(okJson(session("cs_test_1", "expired", "unpaid", orderId))));

		Response response = this.http.send("POST", "/api/orders/" + orderId + "/cancel", null, "X-Order-Token",
				placed.get("orderToken").asString());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order(orderId).cancelReason()).isEqualTo("shopper");
		wiremock.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions/cs_test_1/expire")));
		wiremock.verify(exactly(1),
				postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + orderId + "/release")));
	}

	@Test
	void cancelStandsWhenStripesExpiredEventForTheSessionArrivesFirst() throws Exception {
		JsonNode placed = placeGuestOrder().json();
		String orderId = placed.get("orderId").asString();
		// Stripe sends checkout.session.expired as soon as it ends the session, so the
		// event can be applied while the expire call is still on its way back.
		wiremock.stubFor(post("/v1/checkout/sessions/cs_test_1/expire")
			.willReturn(okJson(session("cs_test_1", "expired", "unpaid", orderId)).withFixedDelay(700)));
		CompletableFuture<Response> cancel = CompletableFuture.supplyAsync(() -> this.http.send("POST",
				"/api/orders/" + orderId + "/cancel", null, "X-Order-Token", placed.get("orderToken").asString()));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (wiremock.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions/cs_test_1/expire"))).isEmpty()
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(deliver(
				event("evt_exp_1", "checkout.session.expired", session("cs_test_1", "expired", "unpaid", orderId)))
			.status()).isEqualTo(200);

		Response response = cancel.get(10, TimeUnit.SECONDS);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order(orderId).cancelReason()).isEqualTo("shopper");
		wiremock.verify(exactly(1),
				postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + orderId + "/release")));
	}

	@Test
	void cancelOfASessionThatHadAlreadyExpiredCancelsTheOrder() {
		String orderId = placeUserOrder("user-7");
		wiremock.stubFor(post("/v1/checkout/sessions/cs_test_1/expire").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Session is expired\"}}")));
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "expired", "unpaid", orderId))));

		Response response = this.http.send("POST", "/api/orders/" + orderId + "/cancel", null, "Authorization",
				"Bearer " + TestJwts.token("user-7"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("CANCELLED");
		wiremock.verify(exactly(1),
				postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + orderId + "/release")));
	}

	@Test
	void anExpiredSessionOfAnOrderNobodyAskedToCancelStillExpiresIt() {
		String orderId = placeUserOrder("user-8");

		deliver(event("evt_exp_2", "checkout.session.expired", session("cs_test_1", "expired", "unpaid", orderId)));

		assertThat(order(orderId).status()).isEqualTo(OrderStatus.EXPIRED);
		assertThat(order(orderId).cancelReason()).isNull();
	}

	@Test
	void cancellingAPaidOrderIsAConflict() {
		String orderId = placeUserOrder("user-5");
		deliver(event("evt_c1", "checkout.session.completed", session("cs_test_1", "complete", "paid", orderId)));

		Response response = this.http.send("POST", "/api/orders/" + orderId + "/cancel", null, "Authorization",
				"Bearer " + TestJwts.token("user-5"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "order-not-cancellable");
		assertThat(response.json().get("orderStatus").asString()).isEqualTo("PAID");
		assertThat(order(orderId).status()).isEqualTo(OrderStatus.PAID);
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/checkout/sessions/cs_test_1/expire")));
	}

	@Test
	void cancelThatFindsTheSessionPaidRecordsThePaymentAndRefuses() {
		String orderId = placeUserOrder("user-6");
		wiremock.stubFor(post("/v1/checkout/sessions/cs_test_1/expire").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Session is complete\"}}")));
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1"))
			.willReturn(okJson(session("cs_test_1", "complete", "paid", orderId))));

		Response response = this.http.send("POST", "/api/orders/" + orderId + "/cancel", null, "Authorization",
				"Bearer " + TestJwts.token("user-6"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(order(orderId).status()).isEqualTo(OrderStatus.PAID);
		wiremock.verify(exactly(0),
				postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + orderId + "/release")));
	}

	@Test
	void someoneElseCannotCancel() {
		String orderId = placeUserOrder("user-7");

		Response response = this.http.send("POST", "/api/orders/" + orderId + "/cancel", null, "Authorization",
				"Bearer " + TestJwts.token("user-8"));

		assertThat(response.status()).isEqualTo(404);
		assertThat(order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
	}

	private String placeUserOrder(String userId) {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "2"), key(), "Authorization",
				"Bearer " + TestJwts.token(userId));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("orderId").asString();
	}

}
