package com.littlethreads.user.token;

import java.io.ByteArrayInputStream;
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
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.security.converter.RsaKeyConverters;

/**
 * RSA keys read from PEM or from the store and turned into JWKs named by their RFC 7638
 * thumbprint, so that the same key always has the same {@code kid} wherever it is read.
 */
final class RsaKeys {

	private RsaKeys() {
	}

	static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072);
			KeyPair pair = generator.generateKeyPair();
			return jwk((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot generate a token signing key", ex);
		}
	}

	/**
	 * A private key in PKCS#8 PEM, with the public key derived from it.
	 * @param pem the PEM; {@code \n} may stand for line breaks, as in an environment
	 * variable
	 * @param source where it came from, for the message if it is not a usable key
	 * @return the key pair as a JWK
	 */
	static RSAKey fromPrivatePem(String pem, String source) {
		RSAPrivateKey privateKey;
		try {
			privateKey = RsaKeyConverters.pkcs8().convert(stream(pem));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(source + " is not an RSA private key in PKCS#8 PEM", ex);
		}
		if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
			throw new IllegalStateException(source + " must be a complete RSA private key (PKCS#8)");
		}
		try {
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
			return jwk(publicKey, privateKey);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot derive the public key of " + source, ex);
		}
	}

	static RSAKey fromPublicPem(String pem) {
		return jwk(RsaKeyConverters.x509().convert(stream(pem)), null);
	}

	static RSAKey fromStored(StoredSigningKey key) {
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			Base64.Decoder base64 = Base64.getDecoder();
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new X509EncodedKeySpec(base64.decode(key.publicKey())));
			RSAPrivateKey privateKey = (key.privateKey() != null)
					? (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(key.privateKey())))
					: null;
			return jwk(publicKey, privateKey);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the stored signing key " + key.keyId(), ex);
		}
	}

	static String publicKeyBase64(RSAKey key) {
		try {
			return Base64.getEncoder().encodeToString(key.toRSAPublicKey().getEncoded());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String privateKeyBase64(RSAKey key) {
		try {
			return Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey jwk(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
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

	private static ByteArrayInputStream stream(String pem) {
		return new ByteArrayInputStream(pem.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
	}

}
