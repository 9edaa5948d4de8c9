package com.littlethreads.user.token;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are issued and signed.
 *
 * @param issuer the {@code iss} of every token; services check it
 * @param audience the {@code aud} of user access tokens; services check it
 * @param accessTokenLifetime how long an access token is valid (15 minutes at most)
 * @param refreshTokenLifetime how long a refresh token is valid
 * @param signingKey the RSA private key that signs tokens, PKCS#8 PEM (environment
 * variable {@code JWT_SIGNING_KEY}); when absent, the key stored in the database is used
 * @param previousPublicKeys public keys (X.509 PEM) still published in the JWKS after a
 * rotation, so tokens they signed stay valid until they expire
 * @param generateKeyIfMissing in local mode, create and store a signing key once when
 * none is configured or stored
 */
@ConfigurationProperties("users.tokens")
public record TokenProperties(@DefaultValue("http://localhost:8081") String issuer,
		@DefaultValue("little-threads") String audience, @DefaultValue("15m") Duration accessTokenLifetime,
		@DefaultValue("30d") Duration refreshTokenLifetime, String signingKey,
		@DefaultValue List<String> previousPublicKeys, @DefaultValue("true") boolean generateKeyIfMissing) {

	public TokenProperties {
		if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()
				|| accessTokenLifetime.compareTo(Duration.ofMinutes(15)) > 0) {
			throw new IllegalArgumentException(
					"users.tokens.access-token-lifetime must be between 1 second and 15 minutes");
		}
	}

}
