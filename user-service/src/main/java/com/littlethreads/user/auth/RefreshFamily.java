package com.littlethreads.user.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One sign-in and the refresh tokens rotated from it. Only the token it names as current
 * works, and none does once it is revoked. Both facts live in this one document, so that
 * an exchange (which moves {@code current} on, guarded by "still current and not
 * revoked") and a revocation are single-document atomic updates that cannot interleave: a
 * token written by an exchange that lost the race to a revocation never works.
 *
 * @param id the family id
 * @param userId whose sign-in it is
 * @param current the hash of the one token that may be exchanged now
 * @param startedAt when the shopper signed in
 * @param rotatedAt when {@code current} last moved on, or {@code null}
 * @param revokedAt when the family was revoked, or {@code null}
 */
@Document("refreshFamilies")
record RefreshFamily(@Id String id, @Indexed(name = "userId") String userId, String current, Instant startedAt,
		Instant rotatedAt, Instant revokedAt) {

}
