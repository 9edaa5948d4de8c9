package com.littlethreads.payment.checkout;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.Order;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checkout body is read strictly: a quantity is a whole number, not a string or a
 * fraction, and the address a parcel goes to is text without control characters, on one
 * line per field. Nothing is ordered from a body that is refused.
 */
@PaymentServiceTest
class CheckoutBodyIntegrationTests extends PaymentHttpTest {

	@Test
	void quantityAsAStringIsRefusedNotConverted() {
		assertRefused(checkout(guestCheckout("LT-TEE-RED-4T", "\"2\""), key()), "malformed-body",
				"Field 'lines[0].quantity' must be a whole number.");
	}

	@Test
	void fractionalQuantityIsRefusedNotTruncated() {
		assertRefused(checkout(guestCheckout("LT-TEE-RED-4T", "1.5"), key()), "malformed-body",
				"Field 'lines[0].quantity' must be a whole number.");
	}

	@Test
	void duplicateKeyIsRefused() {
		String body = guestCheckout("LT-TEE-RED-4T", "1").replace("\"quantity\":1", "\"quantity\":1,\"quantity\":9");

		assertRefused(checkout(body, key()), "malformed-body", "Field 'lines[0].quantity' appears more than once.");
	}

	@Test
	void addressWithABidiOverrideIsRefused() {
		String body = guestCheckout("LT-TEE-RED-4T", "1").replace("Ada Lovelace", "Ada \\u202ELovelace");

		assertRefused(checkout(body, key()), "malformed-body",
				"Field 'shippingAddress.name' must not contain control characters or bidirectional formatting characters.");
	}

	@Test
	void addressLineOnTwoLinesIsAValidationFailure() {
		String body = guestCheckout("LT-TEE-RED-4T", "1").replace("1 Analytical Row", "1 Analytical Row\\nLondon");

		JsonNode problem = assertRefused(checkout(body, key()), "validation-failed", null);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("shippingAddress.line1");
	}

	private JsonNode assertRefused(Response response, String type, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + type);
		if (detail != null) {
			assertThat(problem.get("detail").asString()).isEqualTo(detail);
		}
		assertThat(this.mongo.findAll(Order.class)).isEmpty();
		wiremock.verify(exactly(0), postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
		return problem;
	}

}
