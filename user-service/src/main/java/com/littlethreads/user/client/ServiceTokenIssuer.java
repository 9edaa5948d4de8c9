package com.littlethreads.user.client;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

import com.littlethreads.user.token.AccessTokens.IssuedToken;
import com.littlethreads.user.token.SigningKeys;
import com.littlethreads.user.token.TokenProperties;

/**
 * Issues service tokens: signed with the same key as user access tokens (so services
 * verify them against the same JWKS) but with their own audience and {@code typ}, so a
 * service token is never accepted where a user's access token is expected, nor the other
 * way round.
 */
@Component
class ServiceTokenIssuer {

	/**
	 * The value of the {@code typ} claim of a service token.
	 */
	static final String SERVICE = "service";

	private final TokenProperties properties;

	private final SigningKeys keys;

	private final Clock clock;

	ServiceTokenIssuer(TokenProperties properties, SigningKeys keys, Clock clock) {
		this.properties = properties;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * A signed token for an internal client.
	 * @param clientId the client, the token's subject
	 * @param scopes the granted scopes
	 * @return the token and its lifetime
	 */
	IssuedToken issue(String clientId, List<String> scopes) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.audience(List.of(this.properties.serviceAudience()))
			.subject(clientId)
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.serviceTokenLifetime()))
			.id(UUID.randomUUID().toString())
			.claim("client_id", clientId)
			.claim("scope", String.join(" ", scopes))
			.claim("typ", SERVICE)
			.build();
		return new IssuedToken(this.keys.sign(claims), this.properties.serviceTokenLifetime().toSeconds());
	}

}
