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
 * @param serviceAudience the {@code aud} of service tokens (client credentials); it must
 * differ from {@code audience} so that a service token is never taken for a user's
 * @param serviceTokenLifetime how long a service token is valid
 * @param signingKeyLocation a PKCS#8 PEM file holding a signing key, or a directory whose
 * every {@code *.pem} file holds one (environment variable
 * {@code JWT_SIGNING_KEY_LOCATION}: a path, or a {@code file:}/{@code classpath:} URL for
 * one file; for example a mounted Secret). Read again at every refresh, so a key added
 * there joins the ring without a restart
 * @param keyActivationDelay how long after a new key joins the ring it starts signing:
 * until then it is only published, so that verifiers' cached key sets (the JWKS may be
 * cached for 5 minutes) have it before its first token
 * @param keyRefreshInterval how often each instance reads the shared key ring again
 */
@ConfigurationProperties("users.tokens")
public record TokenProperties(@DefaultValue("http://localhost:8081") String issuer,
		@DefaultValue("little-threads") String audience, @DefaultValue("15m") Duration accessTokenLifetime,
		@DefaultValue("30d") Duration refreshTokenLifetime, String signingKey,
		@DefaultValue List<String> previousPublicKeys, @DefaultValue("true") boolean generateKeyIfMissing,
		@DefaultValue("little-threads-internal") String serviceAudience,
		@DefaultValue("5m") Duration serviceTokenLifetime, String signingKeyLocation,
		@DefaultValue("6m") Duration keyActivationDelay, @DefaultValue("10s") Duration keyRefreshInterval) {

	public TokenProperties {
		if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()
				|| accessTokenLifetime.compareTo(Duration.ofMinutes(15)) > 0) {
			throw new IllegalArgumentException(
					"users.tokens.access-token-lifetime must be between 1 second and 15 minutes");
		}
		if (serviceAudience.equals(audience)) {
			throw new IllegalArgumentException("users.tokens.service-audience must differ from users.tokens.audience");
		}
		if (keyActivationDelay.isNegative() || keyRefreshInterval.isNegative() || keyRefreshInterval.isZero()) {
			throw new IllegalArgumentException(
					"users.tokens.key-activation-delay must not be negative and users.tokens.key-refresh-interval must be positive");
		}
		if (serviceTokenLifetime.isNegative() || serviceTokenLifetime.isZero()
				|| serviceTokenLifetime.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException(
					"users.tokens.service-token-lifetime must be between 1 second and 1 hour");
		}
	}

}
