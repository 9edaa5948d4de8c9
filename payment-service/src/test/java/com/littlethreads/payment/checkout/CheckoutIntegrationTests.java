package com.littlethreads.payment.checkout;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.payment.order.OrderTokens;
import com.littlethreads.platform.test.TestJwts;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout against stubbed catalog, user-service and Stripe: what is stored, what is
 * reserved, what Stripe is asked, and what the shopper gets back.
 */
@PaymentServiceTest
class CheckoutIntegrationTests extends PaymentHttpTest {

	@org.springframework.beans.factory.annotation.Autowired
	tools.jackson.databind.json.JsonMapper json;

	@Test
	void guestCheckoutPlacesOrderReservesStockAndOpensStripeSession() {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "2", "LT-DRESS-BLUE-6", "1"), key());

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		String orderId = body.get("orderId").asString();
		assertThat(orderId).startsWith("ord_");
		assertThat(body.get("checkoutUrl").asString()).isEqualTo("https://checkout.stripe.test/c/pay/cs_test_1");
		String orderToken = body.get("orderToken").asString();
		assertThat(orderToken).hasSizeGreaterThanOrEqualTo(40);
		assertThat(response.header("Location")).isEqualTo("/api/orders/" + orderId);

		Order order = order(orderId);
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order.total().amount()).isEqualTo(2 * 1200 + 2500);
		assertThat(order.total().currency()).isEqualTo("GBP");
		assertThat(order.lines()).extracting((line) -> line.lineTotal().amount()).containsExactly(2400L, 2500L);
		assertThat(order.lines().get(0).name()).isEqualTo("Rocket tee");
		assertThat(order.sessionId()).isEqualTo("cs_test_1");
		assertThat(order.orderTokenHash()).isEqualTo(OrderTokens.hash(orderToken)).isNotEqualTo(orderToken);
		assertThat(order.userId()).isNull();

		wiremock.verify(postRequestedFor(urlEqualTo("/internal/inventory/reservations"))
			.withHeader("Authorization", equalTo("Bearer service-token-1"))
			.withRequestBody(equalToJson("""
					{"orderId": "%s", "lines": [{"sku": "LT-TEE-RED-4T", "quantity": 2},
					 {"sku": "LT-DRESS-BLUE-6", "quantity": 1}]}""".formatted(orderId), true, true)));
		LoggedRequest reservation = wiremock.findAll(postRequestedFor(urlEqualTo("/internal/inventory/reservations")))
			.get(0);
		java.time.Instant holdUntil = java.time.Instant
			.parse(JSON.readTree(reservation.getBodyAsString()).get("expiresAt").asString());
		assertThat(holdUntil).isAfter(order.sessionExpiresAt());

		long expiresAt = order.sessionExpiresAt().getEpochSecond();
		assertThat(expiresAt - this.clock.instant().getEpochSecond()).isGreaterThanOrEqualTo(31 * 60);
		wiremock.verify(exactly(1),
				postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
					.withHeader("Authorization", equalTo("Bearer " + STRIPE_KEY))
					.withHeader("Idempotency-Key", equalTo("checkout-" + orderId))
					.withFormParam("mode", equalTo("payment"))
					.withoutFormParam("currency")
					.withFormParam("client_reference_id", equalTo(orderId))
					.withFormParam("metadata[order_id]", equalTo(orderId))
					.withFormParam("customer_email", equalTo("ada@example.com"))
					.withFormParam("success_url", equalTo("http://localhost:8080/checkout/success/?order=" + orderId))
					.withFormParam("cancel_url", equalTo("http://localhost:8080/checkout/cancel/?order=" + orderId))
					.withFormParam("expires_at", equalTo(Long.toString(expiresAt)))
					.withFormParam("line_items[0][quantity]", equalTo("2"))
					.withFormParam("line_items[0][price_data][unit_amount]", equalTo("1200"))
					.withFormParam("line_items[0][price_data][currency]", equalTo("gbp"))
					.withFormParam("line_items[0][price_data][product_data][name]", equalTo("Rocket tee (4T, red)"))
					.withFormParam("line_items[1][price_data][unit_amount]", equalTo("2500")));
	}

	@Test
	void checkoutOffersOnlyCardsWhosePaymentIsKnownAtOnce() {
		// Without the list Stripe offers whatever the account has enabled, bank debits
		// included, whose money arrives days after the stock hold has lapsed.
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), key());

		assertThat(response.status()).isEqualTo(201);
		LoggedRequest created = wiremock.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))).get(0);
		assertThat(created.getBodyAsString().split("&")).filteredOn((pair) -> pair.startsWith("payment_method_types"))
			.containsExactly("payment_method_types[0]=card");
	}

	@Test
	void priceSentByTheClientIsRefusedNotUsedAndNothingIsOrdered() {
		String body = guestCheckout("LT-TEE-RED-4T", "1").replace("\"quantity\":1", "\"quantity\":1,\"price\":1");

		Response response = checkout(body, key());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "malformed-body");
		assertThat(response.json().get("detail").asString()).isEqualTo("Field 'lines[0].price' is not accepted here.");
		assertThat(this.mongo.findAll(Order.class)).isEmpty();
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
	}

	@Test
	void signedInShopperUsesSavedAddressAndAccountEmailWithOwnToken() {
		String token = TestJwts.token("user-42");
		wiremock.stubFor(get("/api/users/me/addresses/addr-1").willReturn(okJson("""
				{"id": "addr-1", "name": "Grace Hopper", "line1": "2 Compiler Way", "line2": null,
				 "city": "Leeds", "postalCode": "LS1 1AA", "country": "GB", "isDefault": true}""")));
		wiremock.stubFor(get("/api/users/me").willReturn(okJson("""
				{"id": "user-42", "email": "grace@example.com", "displayName": "Grace"}""")));

		Response response = checkout("""
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}], "shippingAddressId": "addr-1"}""", key(),
				"Authorization", "Bearer " + token);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().has("orderToken")).isFalse();
		Order order = order(response.json().get("orderId").asString());
		assertThat(order.userId()).isEqualTo("user-42");
		assertThat(order.email()).isEqualTo("grace@example.com");
		assertThat(order.shippingAddress().name()).isEqualTo("Grace Hopper");
		assertThat(order.orderTokenHash()).isNull();
		wiremock.verify(getRequestedFor(urlEqualTo("/api/users/me/addresses/addr-1")).withHeader("Authorization",
				equalTo("Bearer " + token)));
		wiremock.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions")).withFormParam("customer_email",
				equalTo("grace@example.com")));
	}

	@Test
	void unknownSavedAddressIsUnprocessable() {
		wiremock.stubFor(get("/api/users/me/addresses/nope").willReturn(notFound()));

		Response response = checkout("""
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}], "email": "a@example.com",
				 "shippingAddressId": "nope"}""", key(), "Authorization", "Bearer " + TestJwts.token("user-1"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "unknown-address");
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isZero();
	}

	@Test
	void invalidBearerTokenIsUnauthorizedEvenThoughGuestsMayCheckOut() {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), key(), "Authorization",
				"Bearer " + TestJwts.builder().expired().sign());

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void sameKeyAndBodyTwiceGivesOneOrderOneSessionAndTheSameAnswer() {
		String key = key();
		String body = guestCheckout("LT-TEE-RED-4T", "1");

		Response first = checkout(body, key);
		Response second = checkout(body, key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json()).isEqualTo(first.json());
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isOne();
		wiremock.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
		wiremock.verify(exactly(1), postRequestedFor(urlEqualTo("/internal/inventory/reservations")));
	}

	@Test
	void sameKeyWithAnotherBodyIsAConflict() {
		String key = key();
		checkout(guestCheckout("LT-TEE-RED-4T", "1"), key);

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "3"), key);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "idempotency-key-reused");
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isOne();
	}

	@Test
	void sameKeyFromAnotherCallerIsAnotherCheckout() {
		String key = key();
		String body = guestCheckout("LT-TEE-RED-4T", "1");
		checkout(body, key);

		Response response = checkout(body, key, "Authorization", "Bearer " + TestJwts.token("user-7"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isEqualTo(2);
	}

	@Test
	void unknownSkuIsUnprocessableAndNamesTheLine() {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1", "LT-GONE", "1"), key());

		assertThat(response.status()).isEqualTo(422);
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "unknown-sku");
		assertThat(problem.get("lines").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(problem.get("lines").get(0).get("sku").asString()).isEqualTo("LT-GONE");
		assertThat(problem.get("skus").get(0).asString()).isEqualTo("LT-GONE");
		assertThat(problem.get("detail").asString()).contains("lines[1]").contains("LT-GONE");
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isZero();
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/internal/inventory/reservations")));
	}

	@Test
	void insufficientStockIsAConflictNamingTheLineAndLeavesNoOrderAwaitingPayment() {
		wiremock.stubFor(post("/internal/inventory/reservations")
			.willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("""
					{"type": "https://littlethreads.shop/problems/insufficient-stock", "status": 409,
					 "lines": [{"sku": "LT-DRESS-BLUE-6", "requested": 3, "available": 1}]}""")));

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1", "LT-DRESS-BLUE-6", "3"), key());

		assertThat(response.status()).isEqualTo(409);
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "insufficient-stock");
		assertThat(problem.get("lines").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(problem.get("lines").get(0).get("available").asInt()).isEqualTo(1);
		Order order = this.mongo.findAll(Order.class).get(0);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancelReason()).isEqualTo("stock-unavailable");
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
	}

	@Test
	void stripeFailureReleasesTheStockAndLeavesNoOrderAwaitingPayment() {
		wiremock.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Secret internal Stripe detail\"}}")));

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), key());

		assertThat(response.status()).isIn(502, 503);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Secret internal Stripe detail");
		Order order = this.mongo.findAll(Order.class).get(0);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancelReason()).isEqualTo("payment-start-failed");
		wiremock.verify(postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + order.id() + "/release")));
		// stripe-java retried with the same idempotency key before giving up
		wiremock.verify(exactly(3), postRequestedFor(urlEqualTo("/v1/checkout/sessions")).withHeader("Idempotency-Key",
				equalTo("checkout-" + order.id())));
	}

	@Test
	void stripeTimeoutReleasesTheStockAndAnswersUnavailable() {
		wiremock.stubFor(post("/v1/checkout/sessions")
			.willReturn(okJson(session("cs_slow", "open", "unpaid", null)).withFixedDelay(1500)));

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), key());

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "payment-provider-unavailable");
		Order order = this.mongo.findAll(Order.class).get(0);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		wiremock.verify(postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + order.id() + "/release")));
	}

	@Test
	void failedStartFreesTheKeyForARetry() {
		wiremock
			.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String key = key();
		String body = guestCheckout("LT-TEE-RED-4T", "1");
		assertThat(checkout(body, key).status()).isEqualTo(503);
		wiremock
			.stubFor(post("/v1/checkout/sessions").willReturn(okJson(session("cs_test_2", "open", "unpaid", null))));

		Response retry = checkout(body, key);

		assertThat(retry.status()).isEqualTo(201);
		assertThat(order(retry.json().get("orderId").asString()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
	}

	@Test
	void catalogDownIsServiceUnavailable() {
		wiremock.stubFor(get(urlPathEqualTo("/api/catalog/variants")).willReturn(aResponse().withStatus(500)));

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), key());

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "catalog-unavailable");
	}

	@Test
	void serviceTokenIsFetchedWithClientCredentialsAndReused() {
		placeGuestOrder();
		placeGuestOrder();

		wiremock.verify(lessThanOrExactly(1), postRequestedFor(urlEqualTo("/oauth2/token")));
		wiremock.verify(exactly(2), postRequestedFor(urlEqualTo("/internal/inventory/reservations"))
			.withHeader("Authorization", equalTo("Bearer service-token-1")));
	}

	@Test
	void serviceTokenIsFetchedAgainShortlyBeforeItExpires() {
		placeGuestOrder();
		wiremock.stubFor(post("/oauth2/token").willReturn(okJson("""
				{"access_token": "service-token-2", "token_type": "Bearer", "expires_in": 300}""")));
		// A 300 s token is renewed a minute early.
		this.clock.advance(java.time.Duration.ofSeconds(241));

		placeGuestOrder();

		wiremock.verify(exactly(1), postRequestedFor(urlEqualTo("/internal/inventory/reservations"))
			.withHeader("Authorization", equalTo("Bearer service-token-2")));
	}

	@Test
	void serviceTokenRequestUsesBasicAuthAndTheReserveScope() {
		this.clock.advance(java.time.Duration.ofHours(1));

		placeGuestOrder();

		wiremock.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
			.withBasicAuth(
					new com.github.tomakehurst.wiremock.client.BasicCredentials("payment-service", CLIENT_SECRET))
			.withRequestBody(containing("grant_type=client_credentials"))
			.withRequestBody(matching(".*scope=inventory%3Areserve.*")));
	}

	@Test
	void missingIdempotencyKeyIsRejected() {
		Response response = this.http.send("POST", "/api/checkout", guestCheckout("LT-TEE-RED-4T", "1"), "Content-Type",
				"application/json");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
	}

	@Test
	void repeatWhileTheFirstIsRunningIsToldToRetry() throws Exception {
		wiremock.stubFor(
				get(urlPathEqualTo("/api/catalog/variants")).willReturn(okJson(JSON.writeValueAsString(java.util.Map
					.of("items", java.util.List.of(variant("LT-TEE-RED-4T", "Rocket tee", "4T", "red", 1200)))))
					.withFixedDelay(1000)));
		String key = key();
		String body = guestCheckout("LT-TEE-RED-4T", "1");

		java.util.concurrent.CompletableFuture<Response> first = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> checkout(body, key));
		awaitCatalogCalls(1);
		Response second = checkout(body, key);

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("type").asString()).isEqualTo(PROBLEMS + "request-in-progress");
		assertThat(second.header("Retry-After")).isEqualTo("1");
		assertThat(first.get().status()).isEqualTo(201);
		assertThat(checkout(body, key).json().get("orderId").asString())
			.isEqualTo(first.get().json().get("orderId").asString());
		wiremock.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
	}

	/**
	 * Waits until the first request is past its claim (it has asked the catalog).
	 */
	private static void awaitCatalogCalls(int count) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			if (wiremock.findAll(getRequestedFor(urlPathEqualTo("/api/catalog/variants"))).size() >= count) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The first checkout never reached the catalog");
	}

	@Test
	void finalRefusalIsAnsweredAgainForTheSameKey() {
		String key = key();
		String body = guestCheckout("LT-GONE", "1");
		checkout(body, key);
		stubVariants(variant("LT-GONE", "Back in stock", "4T", "red", 900));

		Response again = checkout(body, key);

		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("type").asString()).isEqualTo(PROBLEMS + "unknown-sku");
		assertThat(again.json().get("lines").get(0).get("sku").asString()).isEqualTo("LT-GONE");
		assertThat(again.contentType()).startsWith("application/problem+json");
	}

	@Test
	void rejectedServiceTokenIsRenewedOnce() {
		wiremock.stubFor(post("/internal/inventory/reservations").inScenario("token")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(aResponse().withStatus(401))
			.willSetStateTo("renewed"));
		wiremock.stubFor(post("/internal/inventory/reservations").inScenario("token")
			.whenScenarioStateIs("renewed")
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"status\": \"HELD\"}")));

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), key());

		assertThat(response.status()).isEqualTo(201);
		wiremock.verify(exactly(2), postRequestedFor(urlEqualTo("/internal/inventory/reservations")));
		wiremock.verify(postRequestedFor(urlEqualTo("/oauth2/token")));
	}

	@Test
	void validationProblemsNameEachField() {
		Response response = checkout("""
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 11}, {"sku": "", "quantity": 0}],
				 "email": "not-an-email",
				 "shippingAddress": {"name": "", "line1": "x", "city": "y", "postalCode": "z", "country": "gb"}}""",
				key());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("lines[0].quantity",
				"lines[1].sku", "lines[1].quantity", "email", "shippingAddress.name", "shippingAddress.country");
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Order.class)).isZero();
	}

	@Test
	void repeatedSkuIsRefusedRatherThanMerged() {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1", "LT-TEE-RED-4T", "2"), key());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[1].sku");
	}

	@Test
	void moreThanTwentyLinesAreRefused() {
		String[] lines = new String[42];
		for (int i = 0; i < 21; i++) {
			lines[2 * i] = "SKU-" + i;
			lines[2 * i + 1] = "1";
		}

		Response response = checkout(guestCheckout(lines), key());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("lines");
	}

	@Test
	void guestNeedsAnEmailAndAnAddress() {
		Response noEmail = checkout("""
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}],
				 "shippingAddress": {"name": "A", "line1": "x", "city": "y", "postalCode": "z", "country": "GB"}}""",
				key());
		Response savedAddress = checkout("""
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}], "email": "a@example.com",
				 "shippingAddressId": "addr-1"}""", key());

		assertThat(noEmail.status()).isEqualTo(400);
		assertThat(noEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(savedAddress.status()).isEqualTo(400);
		assertThat(savedAddress.json().get("errors").get(0).get("field").asString()).isEqualTo("shippingAddressId");
	}

	@Test
	void keyLeftInProgressByADeadRequestIsTakenOverByTheSameRequestLater() {
		String key = key();
		String body = guestCheckout("LT-TEE-RED-4T", "1");
		CheckoutAttempts.Key claimed = CheckoutAttempts.Key.guest("127.0.0.1", key);
		String bodyHash = CheckoutAttempts
			.sha256(this.json.writeValueAsString(this.json.readValue(body, CheckoutRequest.class)));
		this.mongo.insert(new CheckoutAttempt(claimed.id(), bodyHash, CheckoutAttempt.State.IN_PROGRESS,
				this.clock.instant(), null, null, null, null));
		assertThat(checkout(body, key).json().get("type").asString()).isEqualTo(PROBLEMS + "request-in-progress");
		this.clock.advance(minutes(3));

		Response response = checkout(body, key);

		assertThat(response.status()).isEqualTo(201);
		assertThat(checkout(body, key).json().get("orderId").asString())
			.isEqualTo(response.json().get("orderId").asString());
	}

	@Test
	void reservationThatCannotReachTheCatalogCancelsTheOrderWithoutOpeningASession() {
		wiremock.stubFor(post("/internal/inventory/reservations").willReturn(aResponse().withStatus(500)));

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), key());

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "inventory-unavailable");
		Order order = this.mongo.findAll(Order.class).get(0);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancelReason()).isEqualTo("inventory-unavailable");
		wiremock.verify(postRequestedFor(urlEqualTo("/internal/inventory/reservations/" + order.id() + "/release")));
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
	}

}
