package com.littlethreads.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.littlethreads.user.account.AccountDeleted;
import com.littlethreads.user.account.PasswordChanged;
import com.littlethreads.user.token.TokenProperties;

/**
 * Issues, rotates and revokes refresh tokens. A token is 256 random bits, shown once and
 * stored only as a hash. Each use exchanges it for a new one in the same family; a token
 * that comes back after it was exchanged means it was copied, so the whole family is
 * revoked and the thief and the shopper both have to sign in again.
 * <p>
 * Whether a token works is decided by its family's document alone (see
 * {@link RefreshFamily}), with single-document atomic updates only: they are all the
 * embedded store offers, and what real MongoDB does best. Of many requests presenting one
 * token at once, exactly one moves the family on; the others find it moved and revoke it,
 * and from then on the winner's new token is refused too, however the requests
 * interleaved.
 */
@Component
public class RefreshTokens {

	private static final Log log = LogFactory.getLog(RefreshTokens.class);

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final TokenProperties properties;

	private final Clock clock;

	RefreshTokens(MongoTemplate mongo, TokenProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A new token starting a new family, for a sign-in.
	 * @param userId whose it is
	 * @return the token, to hand to the client once
	 */
	String issue(String userId) {
		Instant now = this.clock.instant();
		String family = UUID.randomUUID().toString();
		String token = newToken();
		this.mongo.insert(stored(token, userId, family, now));
		this.mongo.insert(new RefreshFamily(family, userId, hash(token), now, null, null));
		return token;
	}

	/**
	 * Exchanges a token for a new one in its family.
	 * @param token the presented token
	 * @return the user and the new token, or empty if the token is unknown, expired,
	 * revoked or already exchanged (in which case its family is revoked)
	 */
	Optional<Rotation> rotate(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		RefreshToken presented = this.mongo.findById(hash(token), RefreshToken.class);
		if (presented == null) {
			return Optional.empty();
		}
		if (presented.expiresAt().isAfter(now)) {
			// Written first, but it works only once the family names it current.
			String next = newToken();
			RefreshToken successor = this.mongo.insert(stored(next, presented.userId(), presented.family(), now));
			RefreshFamily movedOn = this.mongo.findAndModify(
					familyQuery(presented.family()).addCriteria(Criteria.where("current").is(presented.hash())),
					new Update().set("current", successor.hash()).set("rotatedAt", now), RefreshFamily.class);
			if (movedOn != null) {
				return Optional.of(new Rotation(presented.userId(), next));
			}
			this.mongo.remove(successor);
		}
		// Refused. A token that is no longer its family's current one was exchanged
		// already: it was copied, or it lost a race to its own copy.
		long revoked = this.mongo
			.updateFirst(familyQuery(presented.family()).addCriteria(Criteria.where("current").ne(presented.hash())),
					Update.update("revokedAt", now), RefreshFamily.class)
			.getModifiedCount();
		if (revoked > 0) {
			log.warn("A used refresh token was presented again for user " + presented.userId() + ": revoked its family "
					+ presented.family());
		}
		return Optional.empty();
	}

	/**
	 * Ends the sign-in a token belongs to (sign-out).
	 * @param token the presented token
	 */
	void revokeFamilyOf(String token) {
		if (token == null || token.isBlank()) {
			return;
		}
		RefreshToken known = this.mongo.findById(hash(token), RefreshToken.class);
		if (known != null) {
			this.mongo.updateFirst(familyQuery(known.family()), Update.update("revokedAt", this.clock.instant()),
					RefreshFamily.class);
		}
	}

	@EventListener
	void passwordChanged(PasswordChanged event) {
		revokeAll(event.userId());
	}

	@EventListener
	void accountDeleted(AccountDeleted event) {
		revokeAll(event.userId());
	}

	/**
	 * Ends every sign-in of a user.
	 * @param userId the user
	 */
	void revokeAll(String userId) {
		this.mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("revokedAt").isNull()),
				Update.update("revokedAt", this.clock.instant()), RefreshFamily.class);
	}

	/**
	 * The family, if it is not revoked.
	 */
	private static Query familyQuery(String family) {
		return Query.query(Criteria.where("_id").is(family).and("revokedAt").isNull());
	}

	private RefreshToken stored(String token, String userId, String family, Instant now) {
		return new RefreshToken(hash(token), userId, family, now, now.plus(this.properties.refreshTokenLifetime()));
	}

	private String newToken() {
		byte[] bits = new byte[32];
		this.random.nextBytes(bits);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
	}

	static String hash(String token) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A successful exchange.
	 *
	 * @param userId whose token it was
	 * @param token the new refresh token
	 */
	record Rotation(String userId, String token) {

	}

}
