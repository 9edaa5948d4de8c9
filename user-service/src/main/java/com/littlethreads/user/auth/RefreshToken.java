package com.littlethreads.user.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token as stored: only its SHA-256 hash, never the token. It never changes
 * once written; whether it still works is its {@link RefreshFamily}'s to say.
 *
 * @param hash the SHA-256 of the token, hex
 * @param userId whose it is
 * @param family the sign-in it descends from
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 */
@Document("refreshTokens")
record RefreshToken(@Id String hash, @Indexed(name = "userId") String userId, @Indexed(name = "family") String family,
		Instant issuedAt, Instant expiresAt) {

}
