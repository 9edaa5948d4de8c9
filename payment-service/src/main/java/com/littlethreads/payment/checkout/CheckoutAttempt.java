package com.littlethreads.payment.checkout;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What became of one {@code Idempotency-Key}. The id is a hash of the caller and the key,
 * so the unique {@code _id} index lets only one request per key and caller through; the
 * key itself, a guest's client address and a guest's order token are never stored in the
 * clear.
 *
 * @param id SHA-256 of the caller (the user, or a hash of a guest's client address) and
 * the key
 * @param bodyHash SHA-256 of the request body as parsed
 * @param state whether the first request is still running
 * @param createdAt when the first request arrived
 * @param orderId the order placed, once done
 * @param checkoutUrl where to pay, once done
 * @param sealedOrderToken a guest's order token encrypted with a key derived from the
 * Idempotency-Key, so only a caller presenting that key can read it back
 * @param problem the final 4xx problem the first request got, to answer again
 */
@Document("checkout_attempts")
record CheckoutAttempt(@Id String id, String bodyHash, State state, Instant createdAt, String orderId,
		String checkoutUrl, String sealedOrderToken, Map<String, Object> problem) {

	enum State {

		IN_PROGRESS, SUCCEEDED, FAILED

	}

}
