package com.littlethreads.payment.checkout;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.catalog.CatalogClient;
import com.littlethreads.payment.order.Order;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile or malformed checkout input: each is a 4xx problem that names what is wrong,
 * answered before any order exists and before the catalog, user-service or Stripe hear of
 * it; what does reach another service arrives exactly as sent.
 */
@PaymentServiceTest
class CheckoutInputIntegrationTests extends PaymentHttpTest {

	@Autowired
	CatalogClient catalog;

	@ParameterizedTest
	@ValueSource(strings = { "{x}", "${jndi:ldap://x}", "A&sku=B", "LT-TEE-RED-4T&sku=LT-DRESS-BLUE-6", "../admin",
			"lt-tee-red-4t", "LT TEE", "LT--TEE", "AB", "LT-%7Bx%7D" })
	void skuOutsideTheCatalogsFormatIsAValidationProblemBeforeAnyOrder(String sku) {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1", sku.replace("\\", "\\\\"), "1"), key());

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("lines[1].sku");
		assertNothingHappened();
	}

	@Test
	void catalogIsAskedForExactlyTheSkusOfTheCart() {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "2", "LT-DRESS-BLUE-6", "1"), key());

		assertThat(response.status()).isEqualTo(201);
		List<LoggedRequest> asked = wiremock.findAll(getRequestedFor(urlPathEqualTo("/api/catalog/variants")));
		assertThat(asked).hasSize(1);
		assertThat(asked.get(0).getUrl()).isEqualTo("/api/catalog/variants?sku=LT-TEE-RED-4T&sku=LT-DRESS-BLUE-6");
	}

	@Test
	void catalogClientEncodesEveryCharacterOfASku() {
		List<String> skus = List.of("{x}", "${y}", "A&sku=B", "C=D#E", "100%", "a+b c", "é/?");

		this.catalog.variants(skus);

		List<LoggedRequest> asked = wiremock.findAll(getRequestedFor(urlPathEqualTo("/api/catalog/variants")));
		assertThat(asked).hasSize(1);
		assertThat(asked.get(0).getUrl()).doesNotContain("{", "}", "$", " ", "é", "#", "?sku=A&sku=B");
		assertThat(asked.get(0).getQueryParams()).containsOnlyKeys("sku");
		assertThat(asked.get(0).queryParameter("sku").values()).containsExactlyElementsOf(skus);
	}

	@ParameterizedTest
	@ValueSource(strings = { "café-café-café", "ключ-ключ-ключ", "key with spaces", "short", "tab\tinside-key" })
	void idempotencyKeyOutsideVisibleAsciiIsAnInvalidParameterBeforeAnyOrder(String key) {
		Response response = sendRaw("POST", "/api/checkout", guestCheckout("LT-TEE-RED-4T", "1"), "Content-Type",
				"application/json", "Idempotency-Key", key);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "invalid-parameter");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
		assertNothingHappened();
	}

	@Test
	void idempotencyKeyOfTwoHundredFiftyFiveVisibleCharactersIsAccepted() {
		String key = "~!" + "k".repeat(250) + "#$%";

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), key);

		assertThat(response.status()).isEqualTo(201);
		assertThat(checkout(guestCheckout("LT-TEE-RED-4T", "1"), key).json().get("orderId").asString())
			.isEqualTo(response.json().get("orderId").asString());
	}

	@Test
	void idempotencyKeyLongerThanTwoHundredFiftyFiveIsAnInvalidParameter() {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1"), "k".repeat(256));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "invalid-parameter");
		assertNothingHappened();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"   \"", "null" })
	void guestWithoutAUsableEmailIsRefusedBeforeAnyOrder(String email) {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1").replace("\"ada@example.com\"", email), key());

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("email");
		assertNothingHappened();
	}

	@Test
	void signedInShopperSendingABlankEmailIsRefusedRatherThanSentToStripe() {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1").replace("\"ada@example.com\"", "\"\""), key(),
				"Authorization", "Bearer " + TestJwts.token("user-5"));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("email");
		assertNothingHappened();
	}

	@Test
	void guestEmailIsStoredAndSentTrimmedAndInLowerCaseAsUserServiceKeepsEmails() {
		Response response = checkout(
				guestCheckout("LT-TEE-RED-4T", "1").replace("\"ada@example.com\"", "\" Ada@Example.COM \""), key());

		assertThat(response.status()).isEqualTo(201);
		assertThat(order(response.json().get("orderId").asString()).email()).isEqualTo("ada@example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "XX", "ZZ", "UK", "EU", "AA" })
	void guestShippingCountryMustBeAnAssignedIsoCode(String country) {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1").replace("\"GB\"", "\"" + country + "\""),
				key());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
		assertThat(response.json().get("errors").findValuesAsString("field"))
			.containsExactly("shippingAddress.country");
		assertNothingHappened();
	}

	@ParameterizedTest
	@ValueSource(strings = { "FR", "DE", "US", "IE", "JP" })
	void guestShippingToAnAssignedCountryIsAccepted(String country) {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1").replace("\"GB\"", "\"" + country + "\""),
				key());

		assertThat(response.status()).isEqualTo(201);
		assertThat(order(response.json().get("orderId").asString()).shippingAddress().country()).isEqualTo(country);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../me", "a/b", "{id}", "x?y=1", "%2F", "a b", "addr#1", "é" })
	void malformedShippingAddressIdIsAnUnknownAddressWithoutAskingUserService(String id) {
		Response response = checkout(signedInWithAddress(id), key(), "Authorization",
				"Bearer " + TestJwts.token("user-9"));

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "unknown-address");
		assertThat(wiremock.findAll(getRequestedFor(urlPathMatching("/api/users/.*")))).isEmpty();
		assertNothingHappened();
	}

	@Test
	void savedAddressThatUserServiceCallsABadRequestIsAnUnknownAddress() {
		stubAccount();
		wiremock.stubFor(get(urlPathMatching("/api/users/me/addresses/.*"))
			.willReturn(badRequest().withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\": \"https://littlethreads.shop/problems/invalid-parameter\", \"status\": 400}")));

		Response response = checkout(signedInWithAddress("0b6c55f2-4e0b-4c4e-8f4a-2f0e8d1b7a11"), key(),
				"Authorization", "Bearer " + TestJwts.token("user-9"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "unknown-address");
		assertThat(this.mongo.count(new Query(), Order.class)).isZero();
	}

	@Test
	void savedAddressUserServiceDoesNotKnowIsAnUnknownAddress() {
		stubAccount();
		wiremock.stubFor(get(urlPathMatching("/api/users/me/addresses/.*")).willReturn(notFound()));

		Response response = checkout(signedInWithAddress("0b6c55f2-4e0b-4c4e-8f4a-2f0e8d1b7a11"), key(),
				"Authorization", "Bearer " + TestJwts.token("user-9"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "unknown-address");
		wiremock
			.verify(getRequestedFor(urlPathEqualTo("/api/users/me/addresses/0b6c55f2-4e0b-4c4e-8f4a-2f0e8d1b7a11")));
	}

	@Test
	void userServiceFailingIsStillAccountUnavailable() {
		stubAccount();
		wiremock.stubFor(get(urlPathMatching("/api/users/me/addresses/.*")).willReturn(aResponse().withStatus(500)));

		Response response = checkout(signedInWithAddress("0b6c55f2-4e0b-4c4e-8f4a-2f0e8d1b7a11"), key(),
				"Authorization", "Bearer " + TestJwts.token("user-9"));

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "account-unavailable");
		assertThat(this.mongo.count(new Query(), Order.class)).isZero();
	}

	@Test
	void signedInShopperWhoseAccountIsGoneIsUnauthorized() {
		wiremock.stubFor(get("/api/users/me").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"https://littlethreads.shop/problems/unauthorized\", \"status\": 401}")));

		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "1").replace("\"email\": \"ada@example.com\",", ""),
				key(), "Authorization", "Bearer " + TestJwts.token("user-gone"));

		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "unauthorized");
		assertThat(this.mongo.count(new Query(), Order.class)).isZero();
	}

	private static void stubAccount() {
		wiremock.stubFor(get("/api/users/me").willReturn(okJson("""
				{"id": "user-9", "email": "nine@example.com", "displayName": "Nine"}""")));
	}

	private static String signedInWithAddress(String id) {
		return JSON.writeValueAsString(
				Map.of("lines", List.of(Map.of("sku", "LT-TEE-RED-4T", "quantity", 1)), "shippingAddressId", id));
	}

	/**
	 * No order, and neither the catalog nor Stripe (nor anyone else) was asked anything.
	 */
	private void assertNothingHappened() {
		assertThat(this.mongo.count(new Query(), Order.class)).isZero();
		assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

}
