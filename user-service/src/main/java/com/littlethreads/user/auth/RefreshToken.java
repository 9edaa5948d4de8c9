package com.littlethreads.user.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token as stored: only its SHA-256 hash, never the token. Tokens that descend
 * from one sign-in share a family.
 *
 * @param hash the SHA-256 of the token, hex
 * @param userId whose it is
 * @param family the sign-in it descends from
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param usedAt when it was exchanged for a new one, or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 */
@Document("refreshTokens")
record RefreshToken(@Id String hash, @Indexed(name = "userId") String userId, @Indexed(name = "family") String family,
		Instant issuedAt, Instant expiresAt, Instant usedAt, Instant revokedAt) {

}
