package com.littlethreads.payment.checkout;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import com.littlethreads.payment.checkout.CheckoutAttempt.State;

/**
 * Idempotency for checkout: the first request with a key claims it (a unique insert);
 * repeats with the same body get the first one's answer, with another body a 409; a
 * repeat while the first is still running gets 409 {@code request-in-progress} (it does
 * not wait, so no request thread is held). Only final answers are kept: when the first
 * request failed on our side or a provider's (5xx), the key is freed so that the same key
 * may be retried.
 */
@Component
class CheckoutAttempts {

	/**
	 * Far longer than a checkout can take (catalog and Stripe time out well before).
	 */
	static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(2);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	CheckoutAttempts(MongoTemplate mongo, JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Claims a key.
	 * @param key who asks with which key
	 * @param bodyHash the request's hash
	 * @return empty if this request claimed it, else the earlier attempt
	 */
	Optional<CheckoutAttempt> claim(Key key, String bodyHash) {
		try {
			this.mongo.insert(new CheckoutAttempt(key.id(), bodyHash, State.IN_PROGRESS, this.clock.instant(), null,
					null, null, null));
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			CheckoutAttempt earlier = this.mongo.findById(key.id(), CheckoutAttempt.class);
			if (earlier == null) {
				// Freed between our insert and our read: claim it again.
				return claim(key, bodyHash);
			}
			if (isAbandoned(earlier, bodyHash) && takeOver(earlier)) {
				return Optional.empty();
			}
			return Optional.of(earlier);
		}
	}

	private boolean isAbandoned(CheckoutAttempt attempt, String bodyHash) {
		return attempt.state() == State.IN_PROGRESS && attempt.bodyHash().equals(bodyHash)
				&& attempt.createdAt().isBefore(this.clock.instant().minus(ABANDONED_AFTER));
	}

	/**
	 * Claims an abandoned attempt; of two requests taking it over at once only one wins.
	 */
	private boolean takeOver(CheckoutAttempt attempt) {
		return this.mongo
			.updateFirst(
					Query.query(Criteria.where("_id")
						.is(attempt.id())
						.and("state")
						.is(State.IN_PROGRESS.name())
						.and("createdAt")
						.is(attempt.createdAt())),
					new Update().set("createdAt", this.clock.instant()), CheckoutAttempt.class)
			.getModifiedCount() == 1;
	}

	void succeeded(Key key, Checkout.Placed placed) {
		String sealed = (placed.orderToken() != null) ? seal(key, placed.orderToken()) : null;
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key.id())),
				new Update().set("state", State.SUCCEEDED.name())
					.set("orderId", placed.orderId())
					.set("checkoutUrl", placed.checkoutUrl())
					.set("sealedOrderToken", sealed),
				CheckoutAttempt.class);
	}

	void failed(Key key, ProblemDetail problem) {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("status", problem.getStatus());
		stored.put("type", String.valueOf(problem.getType()));
		stored.put("title", problem.getTitle());
		stored.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			problem.getProperties()
				.forEach((name, value) -> properties.put(name, this.json.convertValue(value, Object.class)));
			properties.remove("requestId");
			stored.put("properties", properties);
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key.id())),
				new Update().set("state", State.FAILED.name()).set("problem", stored), CheckoutAttempt.class);
	}

	void forget(Key key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key.id())), CheckoutAttempt.class);
	}

	Checkout.Placed replay(Key key, CheckoutAttempt attempt) {
		String token = (attempt.sealedOrderToken() != null) ? unseal(key, attempt.sealedOrderToken()) : null;
		return new Checkout.Placed(attempt.orderId(), attempt.checkoutUrl(), token);
	}

	@SuppressWarnings("unchecked")
	ProblemDetail replayProblem(CheckoutAttempt attempt) {
		Map<String, Object> stored = attempt.problem();
		ProblemDetail problem = ProblemDetail
			.forStatus(HttpStatusCode.valueOf(((Number) stored.get("status")).intValue()));
		problem.setType(URI.create((String) stored.get("type")));
		problem.setTitle((String) stored.get("title"));
		problem.setDetail((String) stored.get("detail"));
		Object properties = stored.get("properties");
		if (properties instanceof Map<?, ?> map) {
			((Map<String, Object>) map).forEach(problem::setProperty);
		}
		return problem;
	}

	private static String seal(Key key, String token) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key.sealingKey(), new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unseal(Key key, String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key.sealingKey(), new GCMParameterSpec(128, bytes, 0, 12));
			return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An Idempotency-Key as sent by one caller. Keys are the caller's own: the same value
	 * from another caller is another key, with its own order, and never finds (or, by a
	 * 409, reveals) the first caller's record.
	 *
	 * @param caller {@code user:<sub>}, or {@code guest:<SHA-256 of the client address>}
	 * @param value the header's value
	 */
	record Key(String caller, String value) {

		/**
		 * A signed-in shopper's key.
		 * @param subject the user id
		 * @param value the header's value
		 * @return the key
		 */
		static Key user(String subject, String value) {
			return new Key("user:" + subject, value);
		}

		/**
		 * A guest's key, namespaced by the client address: guests have no identity before
		 * the order exists, and without a namespace a guest who sent another guest's key
		 * and body got that guest's order id and order token back. The address is the
		 * gateway's resolved client address (platform's trusted-proxies rule); it is
		 * personal data, so it is only ever hashed, and the stored record holds only a
		 * hash of it together with the key.
		 * @param clientAddress {@code HttpServletRequest.getRemoteAddr()}
		 * @param value the header's value
		 * @return the key
		 */
		static Key guest(String clientAddress, String value) {
			return new Key("guest:" + sha256("client-address\n" + clientAddress), value);
		}

		String id() {
			return sha256("attempt\n" + this.caller + "\n" + this.value);
		}

		SecretKeySpec sealingKey() {
			return new SecretKeySpec(HexFormat.of().parseHex(sha256("seal\n" + this.caller + "\n" + this.value)),
					"AES");
		}

	}

}
