package com.littlethreads.payment.checkout;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Query;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.Order;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guests' Idempotency-Keys are namespaced by the client address, so a key another guest
 * happens to send (or has learned) never replays that guest's order or order token. The
 * requests come from loopback, which the services trust as the gateway, and name the
 * client in {@code X-Forwarded-For}.
 */
@PaymentServiceTest
class GuestIdempotencyIntegrationTests extends PaymentHttpTest {

	private static final String GUEST_A = "203.0.113.10";

	private static final String GUEST_B = "198.51.100.20";

	@Test
	void anotherGuestSendingTheSameKeyAndBodyGetsItsOwnOrderNotTheFirstGuests() {
		String key = key();
		String body = guestCheckout("LT-TEE-RED-4T", "1");
		Response first = checkout(body, key, "X-Forwarded-For", GUEST_A);

		Response other = checkout(body, key, "X-Forwarded-For", GUEST_B);

		assertThat(first.status()).isEqualTo(201);
		assertThat(other.status()).isEqualTo(201);
		String firstOrder = first.json().get("orderId").asString();
		String firstToken = first.json().get("orderToken").asString();
		assertThat(other.body()).doesNotContain(firstOrder).doesNotContain(firstToken);
		assertThat(other.json().get("orderToken").asString()).isNotEqualTo(firstToken);
		assertThat(this.mongo.count(new Query(), Order.class)).isEqualTo(2);
		wiremock.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
	}

	@Test
	void sameGuestRetryingGetsItsOwnOrderAndTokenAgain() {
		String key = key();
		String body = guestCheckout("LT-TEE-RED-4T", "1");
		Response first = checkout(body, key, "X-Forwarded-For", GUEST_A);
		checkout(body, key, "X-Forwarded-For", GUEST_B);

		Response retry = checkout(body, key, "X-Forwarded-For", GUEST_A);

		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(this.mongo.count(new Query(), Order.class)).isEqualTo(2);
	}

	@Test
	void anotherGuestsKeyWithAnotherBodyIsNotAConflictThatRevealsTheKeyIsTaken() {
		String key = key();
		checkout(guestCheckout("LT-TEE-RED-4T", "1"), key, "X-Forwarded-For", GUEST_A);

		Response other = checkout(guestCheckout("LT-TEE-RED-4T", "2"), key, "X-Forwarded-For", GUEST_B);

		assertThat(other.status()).isEqualTo(201);
	}

	@Test
	void keyRecordsHoldNeitherTheAddressNorTheKeyInTheClear() {
		String key = key();
		checkout(guestCheckout("LT-TEE-RED-4T", "1"), key, "X-Forwarded-For", GUEST_A);

		for (Document attempt : this.mongo.getCollection("checkout_attempts").find()) {
			assertThat(attempt.toJson()).doesNotContain(GUEST_A).doesNotContain(key);
		}
		assertThat(this.mongo.getCollection("checkout_attempts").countDocuments()).isOne();
	}

}
