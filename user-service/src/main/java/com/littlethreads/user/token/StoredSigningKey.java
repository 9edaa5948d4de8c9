package com.littlethreads.user.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signing key generated in local mode and kept, so that it is never regenerated on
 * restart and tokens issued before a restart stay valid.
 *
 * @param keyId the key's RFC 7638 thumbprint, its {@code kid}
 * @param privateKey the PKCS#8 encoding, base64
 * @param publicKey the X.509 encoding, base64
 * @param createdAt when it was generated
 */
@Document("signingKeys")
record StoredSigningKey(@Id String keyId, String privateKey, String publicKey, Instant createdAt) {

}
