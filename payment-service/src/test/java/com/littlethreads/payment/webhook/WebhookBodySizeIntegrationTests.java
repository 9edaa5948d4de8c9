package com.littlethreads.payment.webhook;

import org.junit.jupiter.api.Test;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.platform.test.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe decides how large its events are: the webhook takes up to 1 MB, where every
 * other body stops at the platform's 256 KB.
 */
@PaymentServiceTest
class WebhookBodySizeIntegrationTests extends PaymentHttpTest {

	@Test
	void eventLargerThanOrdinaryBodiesIsAccepted() {
		Response response = deliver(eventOfAbout(600 * 1024));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void eventOverTheWebhooksLimitIsRefusedBeforeItsSignatureIsChecked() {
		Response response = deliver(eventOfAbout(1100 * 1024));

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "payload-too-large");
	}

	@Test
	void otherBodiesStopAtThePlatformLimit() {
		String body = guestCheckout("LT-TEE-RED-4T", "1").replace("\"city\": \"London\"",
				"\"city\": \"" + "x".repeat(300 * 1024) + "\"");

		Response response = checkout(body, key());

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "payload-too-large");
	}

	// An event type this service ignores, carrying a large object, as a customer with
	// long metadata would.
	private static String eventOfAbout(int bytes) {
		return event("evt_large", "customer.updated", """
				{"id": "cus_1", "object": "customer", "description": "%s"}""".formatted("x".repeat(bytes)));
	}

}
