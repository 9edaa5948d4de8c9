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
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
 * stored only as a hash. Each use exchanges it for a new one in the same family,
 * atomically; a token that comes back after it was used means it was copied, so the whole
 * family is revoked and the thief and the shopper both have to sign in again.
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
		return issue(userId, UUID.randomUUID().toString());
	}

	/**
	 * Exchanges a token for a new one in its family.
	 * @param token the presented token
	 * @return the user and the new token, or empty if the token is unknown, expired,
	 * revoked or already used (in which case its family is revoked)
	 */
	Optional<Rotation> rotate(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		String hash = hash(token);
		Query unused = Query.query(Criteria.where("_id")
			.is(hash)
			.and("usedAt")
			.isNull()
			.and("revokedAt")
			.isNull()
			.and("expiresAt")
			.gt(now));
		RefreshToken used = this.mongo.findAndModify(unused, Update.update("usedAt", now),
				FindAndModifyOptions.options().returnNew(true), RefreshToken.class);
		if (used != null) {
			return Optional.of(new Rotation(used.userId(), issue(used.userId(), used.family())));
		}
		RefreshToken known = this.mongo.findById(hash, RefreshToken.class);
		if (known != null && known.usedAt() != null && known.revokedAt() == null) {
			log.warn("A used refresh token was presented again for user " + known.userId() + ": revoking its family "
					+ known.family());
			revokeFamily(known.family());
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
			revokeFamily(known.family());
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
				Update.update("revokedAt", this.clock.instant()), RefreshToken.class);
	}

	private void revokeFamily(String family) {
		this.mongo.updateMulti(Query.query(Criteria.where("family").is(family).and("revokedAt").isNull()),
				Update.update("revokedAt", this.clock.instant()), RefreshToken.class);
	}

	private String issue(String userId, String family) {
		byte[] bits = new byte[32];
		this.random.nextBytes(bits);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
		Instant now = this.clock.instant();
		this.mongo.insert(new RefreshToken(hash(token), userId, family, now,
				now.plus(this.properties.refreshTokenLifetime()), null, null));
		return token;
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
