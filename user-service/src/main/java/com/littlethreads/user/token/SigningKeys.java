package com.littlethreads.user.token;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key that signs access tokens and every public key the JWKS publishes. The signing
 * key comes from the environment (PKCS#8 PEM); in local mode, when none is given, one is
 * generated once and stored in the database. Each key's {@code kid} is its RFC 7638
 * thumbprint, so the same key always has the same id.
 */
@Component
public class SigningKeys {

	private static final Log log = LogFactory.getLog(SigningKeys.class);

	private final RSAKey signingKey;

	private final JWKSet published;

	private final JwtEncoder encoder;

	SigningKeys(TokenProperties properties, StoredSigningKeyRepository stored, Clock clock) {
		List<StoredSigningKey> storedKeys = stored.findAllByOrderByCreatedAtDesc();
		Map<String, RSAKey> publicKeys = new LinkedHashMap<>();
		if (StringUtils.hasText(properties.signingKey())) {
			this.signingKey = fromPem(properties.signingKey());
		}
		else if (StringUtils.hasText(properties.signingKeyLocation())) {
			this.signingKey = fromPem(read(properties.signingKeyLocation()));
		}
		else if (!storedKeys.isEmpty()) {
			this.signingKey = fromStored(storedKeys.get(0));
		}
		else if (properties.generateKeyIfMissing()) {
			this.signingKey = generateAndStore(stored, clock);
		}
		else {
			throw new IllegalStateException("No token signing key: set JWT_SIGNING_KEY to an RSA private key in"
					+ " PKCS#8 PEM (or JWT_SIGNING_KEY_LOCATION to a file holding one), or allow users.tokens.generate-key-if-missing in local mode");
		}
		publicKeys.put(this.signingKey.getKeyID(), this.signingKey.toPublicJWK());
		for (String pem : properties.previousPublicKeys()) {
			RSAKey previous = publicKey(RsaKeyConverters.x509().convert(stream(pem)));
			publicKeys.putIfAbsent(previous.getKeyID(), previous);
		}
		for (StoredSigningKey key : storedKeys) {
			RSAKey previous = fromStored(key).toPublicJWK();
			publicKeys.putIfAbsent(previous.getKeyID(), previous);
		}
		this.published = new JWKSet(new ArrayList<>(publicKeys.values()));
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.signingKey)));
		log.info("Signing tokens with key " + this.signingKey.getKeyID() + "; publishing " + publicKeys.size()
				+ " key(s) in the JWKS");
	}

	/**
	 * The private key tokens are signed with, with its {@code kid}.
	 * @return the signing key
	 */
	public RSAKey signingKey() {
		return this.signingKey;
	}

	/**
	 * Every public key tokens may currently be verified with.
	 * @return the public JWK set
	 */
	public JWKSet published() {
		return this.published;
	}

	/**
	 * Signs claims RS256 with the signing key, naming it in the header's {@code kid}.
	 * @param claims the claims
	 * @return the compact JWT
	 */
	public String sign(JwtClaimsSet claims) {
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.signingKey.getKeyID()).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	private static RSAKey generateAndStore(StoredSigningKeyRepository stored, Clock clock) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = withThumbprint((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
			Base64.Encoder base64 = Base64.getEncoder();
			stored.insert(new StoredSigningKey(key.getKeyID(), base64.encodeToString(pair.getPrivate().getEncoded()),
					base64.encodeToString(pair.getPublic().getEncoded()), clock.instant()));
			log.warn("Generated and stored a token signing key (" + key.getKeyID() + ") because none was"
					+ " configured. This is for local mode: in production set JWT_SIGNING_KEY.");
			return key;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot generate a token signing key", ex);
		}
	}

	private static RSAKey fromStored(StoredSigningKey key) {
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			Base64.Decoder base64 = Base64.getDecoder();
			RSAPrivateKey privateKey = (RSAPrivateKey) rsa
				.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(key.privateKey())));
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new X509EncodedKeySpec(base64.decode(key.publicKey())));
			return withThumbprint(publicKey, privateKey);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the stored signing key " + key.keyId(), ex);
		}
	}

	private static RSAKey fromPem(String pem) {
		RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(stream(pem));
		if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
			throw new IllegalStateException("JWT_SIGNING_KEY must be a complete RSA private key (PKCS#8)");
		}
		try {
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
			return withThumbprint(publicKey, privateKey);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot derive the public key of JWT_SIGNING_KEY", ex);
		}
	}

	private static RSAKey publicKey(RSAPublicKey key) {
		return withThumbprint(key, null);
	}

	private static RSAKey withThumbprint(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
		try {
			RSAKey.Builder builder = new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint();
			if (privateKey != null) {
				builder.privateKey(privateKey);
			}
			return builder.build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(String location) {
		Resource resource = (location.startsWith("classpath:") || location.startsWith("file:"))
				? new DefaultResourceLoader().getResource(location) : new FileSystemResource(location);
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the signing key from " + location, ex);
		}
	}

	private static ByteArrayInputStream stream(String pem) {
		return new ByteArrayInputStream(pem.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
	}

}
