package com.littlethreads.user.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * One instance's view of the shared key ring at one moment: the key it signs with and
 * every public key it publishes.
 * <p>
 * Keys take turns by their activation time. The newest active key signs; a newer key not
 * yet active is published already, so that verifiers have it before it signs anything; an
 * older key stays published until the key that replaced it has been active for longer
 * than any token lives, so that no token it signed is refused before it expires.
 *
 * @param signing the key tokens are signed with, private part included
 * @param published every public key a token may currently be signed with
 * @param readAt when the store was read
 * @param warning what an operator should know about the signing key, if anything
 */
record KeyRing(RSAKey signing, JWKSet published, Instant readAt, Optional<String> warning) {

	/**
	 * Works out the ring from the stored keys and the private keys this instance holds.
	 * @param stored every key in the store
	 * @param held the private keys this instance holds, by {@code kid}
	 * @param alsoPublished public keys published besides the stored ones (configured
	 * previous keys)
	 * @param now the time
	 * @param retireAfter how long a replaced key stays published after its successor
	 * became active
	 * @return the ring
	 * @throws IllegalStateException if this instance holds no key it could sign with
	 */
	static KeyRing of(List<StoredSigningKey> stored, Map<String, RSAKey> held, List<RSAKey> alsoPublished, Instant now,
			Duration retireAfter) {
		List<StoredSigningKey> byActivation = new ArrayList<>(stored);
		byActivation.sort(Comparator.comparing(StoredSigningKey::activeFrom).thenComparing(StoredSigningKey::keyId));
		Optional<Instant> retiredBefore = byActivation.stream()
			.map(StoredSigningKey::activeFrom)
			.filter((activeFrom) -> !activeFrom.plus(retireAfter).isAfter(now))
			.reduce((first, second) -> second);
		List<StoredSigningKey> current = byActivation.stream()
			.filter((key) -> retiredBefore.isEmpty() || !key.activeFrom().isBefore(retiredBefore.get()))
			.toList();

		Map<String, RSAKey> published = new LinkedHashMap<>();
		for (StoredSigningKey key : current) {
			published.put(key.keyId(), RsaKeys.fromStored(key).toPublicJWK());
		}
		for (RSAKey key : alsoPublished) {
			published.putIfAbsent(key.getKeyID(), key.toPublicJWK());
		}

		List<StoredSigningKey> mine = current.stream().filter((key) -> held.containsKey(key.keyId())).toList();
		Optional<StoredSigningKey> newestActive = mine.stream()
			.filter((key) -> !key.activeFrom().isAfter(now))
			.reduce((first, second) -> second);
		if (newestActive.isPresent()) {
			return new KeyRing(held.get(newestActive.get().keyId()), new JWKSet(new ArrayList<>(published.values())),
					now, Optional.empty());
		}
		if (!mine.isEmpty()) {
			StoredSigningKey soonest = mine.get(0);
			return new KeyRing(held.get(soonest.keyId()), new JWKSet(new ArrayList<>(published.values())), now,
					Optional.of("Signing with key " + soonest.keyId() + " before it is active (from "
							+ soonest.activeFrom() + "): this instance holds no active key. Keep the previous key"
							+ " configured until the new one is active, or verifiers with a cached key set may"
							+ " refuse its tokens."));
		}
		throw new IllegalStateException(
				"This instance holds none of the current signing keys (" + String.join(", ", published.keySet())
						+ "): configure one of them in JWT_SIGNING_KEY or" + " JWT_SIGNING_KEY_LOCATION, or a new key");
	}

	boolean olderThan(Duration age, Instant now) {
		return this.readAt.plus(age).isBefore(now);
	}

}
