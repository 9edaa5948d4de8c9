package com.littlethreads.user.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The key ring every user-service instance shares through the database: the key tokens
 * are signed with, and every public key the JWKS publishes.
 * <p>
 * Private keys come from configuration (a PEM in {@code JWT_SIGNING_KEY}, or a file or a
 * directory of them in {@code JWT_SIGNING_KEY_LOCATION}, for example a mounted Secret),
 * or, in local mode when none is configured, from one key generated once and stored. Each
 * configured key is registered in the ring (public part only) the first time an instance
 * sees it, to become active {@code users.tokens.key-activation-delay} later, or at once
 * if the ring is empty. So rotating is adding a key: every instance publishes it at its
 * next refresh, all switch to it when it becomes active, and the key it replaces stays
 * published until every token it signed has expired. Nobody is signed out, and no
 * instance restarts.
 * <p>
 * Each instance reads the ring again every {@code users.tokens.key-refresh-interval}, and
 * when it is shown a token signed by a key it does not know yet.
 */
@Component
public class SigningKeys {

	private static final Log log = LogFactory.getLog(SigningKeys.class);

	/** A token naming an unknown key reads the store at most this often. */
	private static final Duration UNKNOWN_KEY_REREAD = Duration.ofSeconds(1);

	private final TokenProperties properties;

	private final ConfiguredSigningKeys configured;

	private final List<RSAKey> previousPublicKeys;

	private final StoredSigningKeyRepository stored;

	private final LockProvider locks;

	private final Clock clock;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private volatile Signer signer;

	SigningKeys(TokenProperties properties, StoredSigningKeyRepository stored, LockProvider locks, Clock clock) {
		this.properties = properties;
		this.configured = new ConfiguredSigningKeys(properties);
		this.previousPublicKeys = properties.previousPublicKeys().stream().map(RsaKeys::fromPublicPem).toList();
		this.stored = stored;
		this.locks = locks;
		this.clock = clock;
		use(read());
	}

	/**
	 * The private key tokens are signed with now, with its {@code kid}.
	 * @return the signing key
	 */
	public RSAKey signingKey() {
		return current().signing();
	}

	/**
	 * Every public key tokens may currently be verified with.
	 * @return the public JWK set
	 */
	public JWKSet published() {
		return current().published();
	}

	/**
	 * Signs claims RS256 with the current signing key, naming it in the header's
	 * {@code kid}.
	 * @param claims the claims
	 * @return the compact JWT
	 */
	public String sign(JwtClaimsSet claims) {
		current();
		Signer signer = this.signer;
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signer.ring().signing().getKeyID()).build();
		return signer.encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * The published keys as a source for this instance's own token decoder: a token
	 * signed by a key it has not seen yet (another instance has just started using it)
	 * makes it read the store again before the token is refused.
	 * @return the source
	 */
	JWKSource<SecurityContext> jwkSource() {
		return (selector, context) -> {
			List<JWK> found = selector.select(published());
			if (found.isEmpty() && this.signer.ring().olderThan(UNKNOWN_KEY_REREAD, this.clock.instant())) {
				refresh();
				return selector.select(this.signer.ring().published());
			}
			return found;
		};
	}

	private KeyRing current() {
		if (this.signer.ring().olderThan(this.properties.keyRefreshInterval(), this.clock.instant())) {
			refresh();
		}
		return this.signer.ring();
	}

	/**
	 * Reads the ring again, on one thread at a time; the others meanwhile go on with the
	 * ring they have. A ring that cannot be read leaves the last one in use.
	 */
	private void refresh() {
		if (!this.refreshing.compareAndSet(false, true)) {
			return;
		}
		try {
			use(read());
		}
		catch (RuntimeException ex) {
			log.error("Could not read the token signing keys again; still signing with "
					+ this.signer.ring().signing().getKeyID(), ex);
		}
		finally {
			this.refreshing.set(false);
		}
	}

	private void use(KeyRing ring) {
		Signer previous = this.signer;
		if (previous != null && previous.ring().signing().getKeyID().equals(ring.signing().getKeyID())) {
			this.signer = new Signer(ring, previous.encoder());
		}
		else {
			this.signer = new Signer(ring, new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(ring.signing()))));
			log.info("Signing tokens with key " + ring.signing().getKeyID() + "; publishing " + ring.published().size()
					+ " key(s) in the JWKS");
		}
		ring.warning().ifPresent(log::warn);
	}

	private KeyRing read() {
		Instant now = this.clock.instant();
		Map<String, RSAKey> held = new LinkedHashMap<>();
		for (RSAKey key : this.configured.read()) {
			held.put(key.getKeyID(), key);
		}
		List<StoredSigningKey> keys = this.stored.findAll();
		for (RSAKey key : held.values()) {
			if (keys.stream().noneMatch((storedKey) -> storedKey.keyId().equals(key.getKeyID()))) {
				keys = register(key, keys.isEmpty(), now);
			}
		}
		if (held.isEmpty() && keys.stream().noneMatch((key) -> key.privateKey() != null)) {
			keys = generateOnce();
		}
		for (StoredSigningKey key : keys) {
			if (key.privateKey() != null) {
				held.putIfAbsent(key.keyId(), RsaKeys.fromStored(key));
			}
		}
		return KeyRing.of(keys, held, this.previousPublicKeys, now, retireAfter());
	}

	/**
	 * A configured key the ring does not know yet: published from now on, signing once
	 * every verifier can have read it. The first key of an empty ring signs at once.
	 */
	private List<StoredSigningKey> register(RSAKey key, boolean first, Instant now) {
		Instant activatesAt = first ? now : now.plus(this.properties.keyActivationDelay());
		try {
			this.stored
				.insert(new StoredSigningKey(key.getKeyID(), null, RsaKeys.publicKeyBase64(key), now, activatesAt));
			log.info("Added token signing key " + key.getKeyID() + " to the key ring; it signs from " + activatesAt);
		}
		catch (DuplicateKeyException ex) {
			// Another instance registered it first.
		}
		return this.stored.findAll();
	}

	/**
	 * Local mode with no key configured: one key, generated once and kept. Instances
	 * starting together on an empty store take a lock, so that one of them generates it
	 * and the others use it.
	 */
	private List<StoredSigningKey> generateOnce() {
		if (!this.properties.generateKeyIfMissing()) {
			throw new IllegalStateException("No token signing key: set JWT_SIGNING_KEY to an RSA private key in"
					+ " PKCS#8 PEM (or JWT_SIGNING_KEY_LOCATION to a file or directory holding one), or allow"
					+ " users.tokens.generate-key-if-missing in local mode");
		}
		Instant giveUp = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(giveUp)) {
			Optional<SimpleLock> lock = this.locks.lock(new LockConfiguration(this.clock.instant(),
					"user.signing-key-generation", Duration.ofMinutes(1), Duration.ZERO));
			if (lock.isPresent()) {
				try {
					List<StoredSigningKey> keys = this.stored.findAll();
					if (keys.stream().anyMatch((key) -> key.privateKey() != null)) {
						return keys;
					}
					RSAKey key = RsaKeys.generate();
					Instant now = this.clock.instant();
					this.stored.insert(new StoredSigningKey(key.getKeyID(), RsaKeys.privateKeyBase64(key),
							RsaKeys.publicKeyBase64(key), now, now));
					log.warn("Generated and stored a token signing key (" + key.getKeyID() + ") because none was"
							+ " configured. This is for local mode: in production set JWT_SIGNING_KEY_LOCATION.");
					return this.stored.findAll();
				}
				finally {
					lock.get().unlock();
				}
			}
			List<StoredSigningKey> keys = this.stored.findAll();
			if (keys.stream().anyMatch((key) -> key.privateKey() != null)) {
				return keys;
			}
			pause();
		}
		throw new IllegalStateException("No token signing key appeared while another instance was generating one");
	}

	private Duration retireAfter() {
		Duration longest = this.properties.accessTokenLifetime();
		if (this.properties.serviceTokenLifetime().compareTo(longest) > 0) {
			longest = this.properties.serviceTokenLifetime();
		}
		// Instances may sign with the replaced key until their next refresh, and clocks
		// differ a little.
		return longest.plus(this.properties.keyRefreshInterval()).plusMinutes(1);
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A ring and the encoder of its signing key, replaced together so that a token's
	 * {@code kid} always names the key that signed it.
	 */
	private record Signer(KeyRing ring, NimbusJwtEncoder encoder) {

	}

}
