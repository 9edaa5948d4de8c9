package com.littlethreads.user.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key of the key ring every user-service instance shares: its public part, so that
 * every instance publishes every key any of them may sign with, and from when instances
 * sign with it. Keys are never deleted: a key that a newer one has replaced stays here as
 * the record that it is old, so that a copy of it still lying in a key directory is never
 * mistaken for a new key.
 *
 * @param keyId the key's RFC 7638 thumbprint, its {@code kid}
 * @param privateKey the PKCS#8 encoding, base64, only for a key generated in local mode;
 * a configured key's private part stays where it is configured (a mounted Secret) and is
 * never stored
 * @param publicKey the X.509 encoding, base64
 * @param createdAt when it was generated or first configured
 * @param activatesAt from when instances sign with it; until then it is only published,
 * so that every verifier can have it before the first token it signs arrives. Absent for
 * keys stored before the ring existed: they were active from their creation
 */
@Document("signingKeys")
record StoredSigningKey(@Id String keyId, String privateKey, String publicKey, Instant createdAt, Instant activatesAt) {

	Instant activeFrom() {
		return (this.activatesAt != null) ? this.activatesAt : this.createdAt;
	}

}
