package com.littlethreads.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;

import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.platform.test.HostileInputs;
import com.littlethreads.platform.test.HostileInputs.Baseline;
import com.littlethreads.platform.test.HostileInputs.Pool;
import com.littlethreads.platform.test.HostileInputs.Values;
import com.littlethreads.platform.test.OpenApiOperations.Operation;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the payments API's OpenAPI document, sent the hostile-input corpus:
 * no 5xx, every 4xx a problem, no stack trace, class name or framework page, and what the
 * shared rules refuse is refused (see {@link HostileInputs}).
 * <p>
 * Catalog, user-service and Stripe are stubbed as {@link PaymentHttpTest} does, so that
 * an answer reflects the input and not an outage; Stripe also refuses what it would
 * refuse for real (an invalid customer email), so bad input passed on to it shows.
 */
@Tag("slow") // the hostile-input corpus against every operation
@PaymentServiceTest
@DirtiesContext // It places orders no other test may see.
class HostileInputTests extends PaymentHttpTest {

	private static final String SHOPPER_ID = "hostile-shopper";

	private static final String SHOPPER = TestJwts.token(SHOPPER_ID);

	private static final String ADMIN = TestJwts.token("hostile-admin", "ADMIN");

	private static final String ADDRESS_ID = "addr-hostile";

	private static final int THREADS = 3;

	private final AtomicInteger counter = new AtomicInteger();

	@Test
	void everyOperationAnswersHostileInputWithAProblemAndNothingWorse() {
		stubCollaborators();
		String ownOrder = signedInOrder();
		Response guest = placeGuestOrder();
		String guestOrder = guest.json().get("orderId").asString();
		String guestToken = guest.json().get("orderToken").asString();
		// Orders a request may use up (cancelled, refunded), each lent to one request at
		// a
		// time and replaced once used.
		Pool<String> cancellableOwnOrders = new Pool<>(THREADS, this::signedInOrder);
		Pool<String[]> cancellableGuestOrders = new Pool<>(THREADS, () -> {
			JsonNode placed = placeGuestOrder().json();
			return new String[] { placed.get("orderId").asString(), placed.get("orderToken").asString() };
		});
		Pool<String> refundableOrders = new Pool<>(THREADS, this::paidOrder);

		HostileInputs.against("payment-service", this.port).threads(THREADS).fixture(new HostileInputs.Fixture() {

			@Override
			public List<Baseline> baselines(Operation operation) {
				return switch (operation.key()) {
					case "POST /api/checkout" -> List.of(Baseline.of("guest", () -> guestCheckout()),
							Baseline.of("signed-in", () -> signedInCheckout()));
					case "GET /api/orders/{id}" ->
						List.of(Baseline.of("owner", () -> new Values().bearer(SHOPPER).path("id", ownOrder)),
								Baseline.of("guest",
										() -> new Values().path("id", guestOrder)
											.header("X-Order-Token", guestToken)
											.anonymousAllowed()));
					case "POST /api/orders/{id}/cancel" -> List.of(
							Baseline.of("owner",
									() -> cancellableOwnOrders
										.lendUntilUsedUp((order) -> new Values().bearer(SHOPPER).path("id", order))),
							Baseline.of("guest",
									() -> cancellableGuestOrders
										.lendUntilUsedUp((order) -> new Values().path("id", order[0])
											.header("X-Order-Token", order[1])
											.anonymousAllowed())));
					case "GET /api/orders" -> List.of(Baseline.of("owner", () -> new Values().bearer(SHOPPER)));
					case "GET /api/orders/admin/orders" ->
						List.of(Baseline.of("admin", () -> new Values().bearer(ADMIN)));
					case "POST /api/orders/admin/orders/{id}/refunds" -> List.of(Baseline.of("admin",
							() -> refundableOrders.lendUntilUsedUp((order) -> new Values().bearer(ADMIN)
								.path("id", order)
								.header("Idempotency-Key", "hostile-refund-" + next())
								.set("/lines/0/sku", "LT-TEE-RED-4T")
								.set("/lines/0/quantity", 1))));
					case "POST /api/payments/stripe/webhook" ->
						List.of(Baseline.of("signed", () -> webhook(guestOrder)));
					default -> List.of(Baseline.of("anonymous", Values::new));
				};
			}

			@Override
			public Map<String, String> foreignTokens(Operation operation) {
				Map<String, String> tokens = new LinkedHashMap<>();
				tokens.put("signed-by-another-key", TestJwts.builder().subject(SHOPPER_ID).signedByStranger().sign());
				tokens.put("expired", TestJwts.builder().subject(SHOPPER_ID).expiredFor(Duration.ofMinutes(5)).sign());
				tokens.put("wrong-audience", TestJwts.builder().subject(SHOPPER_ID).audience("another-shop").sign());
				tokens.put("service-token-on-user-path", TestJwts.serviceToken("user-service", "inventory:reserve"));
				if (operation.path().startsWith("/api/orders/admin/")) {
					tokens.put("customer-on-admin-path", SHOPPER);
				}
				return tokens;
			}

		}).run().assertNoViolations();
	}

	private Values guestCheckout() {
		return new Values().header("Idempotency-Key", "hostile-checkout-" + next())
			.set("/lines/0/sku", "LT-TEE-RED-4T")
			.set("/lines/0/quantity", 1)
			.set("/email", "ada@example.com")
			.set("/shippingAddress/name", "Ada Lovelace")
			.set("/shippingAddress/line1", "1 Analytical Row")
			.set("/shippingAddress/line2", "Flat 2")
			.set("/shippingAddress/city", "London")
			.set("/shippingAddress/postalCode", "N1 1AA")
			.set("/shippingAddress/country", "GB")
			.remove("/shippingAddressId")
			.anonymousAllowed();
	}

	private Values signedInCheckout() {
		return new Values().bearer(SHOPPER)
			.header("Idempotency-Key", "hostile-checkout-" + next())
			.set("/lines/0/sku", "LT-TEE-RED-4T")
			.set("/lines/0/quantity", 1)
			.set("/shippingAddressId", ADDRESS_ID)
			.remove("/email")
			.remove("/shippingAddress");
	}

	/**
	 * A signed Stripe event about a placed order, signed again after each change to its
	 * body unless the change is to the signature itself.
	 */
	private Values webhook(String orderId) {
		String payload = event("evt_hostile_" + next(), "checkout.session.completed",
				session("cs_test_1", "complete", "paid", orderId));
		return new Values().body(JSON.readTree(payload))
			.contentType("application/json; charset=utf-8")
			.finish((request, mutation) -> {
				if (mutation != null && mutation.location().equals("header Stripe-Signature")) {
					return request;
				}
				String body = (request.body() != null) ? new String(request.body(), StandardCharsets.UTF_8) : "";
				return request.withHeader("Stripe-Signature", signature(body));
			});
	}

	private void stubCollaborators() {
		wiremock.stubFor(get("/api/users/me").willReturn(okJson("""
				{"id": "hostile-shopper", "email": "grace@example.com", "displayName": "Grace"}""")));
		wiremock.stubFor(get("/api/users/me/addresses/" + ADDRESS_ID).willReturn(okJson("""
				{"id": "addr-hostile", "name": "Grace Hopper", "line1": "2 Compiler Way", "line2": null,
				 "city": "Leeds", "postalCode": "LS1 1AA", "country": "GB", "isDefault": true}""")));
		wiremock.stubFor(get(urlPathMatching("/api/users/me/addresses/.*")).atPriority(10)
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\": \"https://littlethreads.shop/problems/not-found\", \"status\": 404}")));
		// What Stripe answers for an address it cannot email.
		wiremock.stubFor(post("/v1/checkout/sessions").atPriority(1)
			.withFormParam("customer_email", notMatching("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "invalid_request_error", "code": "email_invalid", "param": "customer_email",
					 "message": "Invalid email address"}}""")));
		// A session of its own for every order, as Stripe makes one: an order is paid
		// only
		// by its own session.
		wiremock.stubFor(post("/v1/checkout/sessions").atPriority(2)
			.willReturn(okJson(session("cs_{{randomValue length=16 type='ALPHANUMERIC'}}", "open", "unpaid", null))
				.withTransformers("response-template")));
		wiremock.stubFor(post(urlPathMatching("/v1/checkout/sessions/[^/]+/expire"))
			.willReturn(okJson(session("cs_test_1", "expired", "unpaid", null))));
		wiremock.stubFor(post("/v1/refunds").willReturn(okJson("""
				{"id": "re_hostile", "object": "refund", "amount": 1200, "currency": "gbp", "status": "succeeded",
				 "payment_intent": "pi_cs_test_1"}""")));
	}

	private String signedInOrder() {
		Response placed = checkout("""
				{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 2}], "shippingAddressId": "addr-hostile"}""",
				"hostile-setup-" + next(), "Authorization", "Bearer " + SHOPPER);
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		return placed.json().get("orderId").asString();
	}

	private String paidOrder() {
		String orderId = placeGuestOrder().json().get("orderId").asString();
		Response paid = deliver(event("evt_paid_" + orderId, "checkout.session.completed",
				session(order(orderId).sessionId(), "complete", "paid", orderId)));
		assertThat(paid.status()).as(paid.body()).isEqualTo(200);
		assertThat(order(orderId).status()).isEqualTo(OrderStatus.PAID);
		return orderId;
	}

	private int next() {
		return this.counter.incrementAndGet();
	}

}
