package com.littlethreads.user.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

/**
 * Issues the RS256 access tokens shoppers present to every service.
 */
@Component
public class AccessTokens {

	/**
	 * The value of the {@code typ} claim of a user access token.
	 */
	public static final String ACCESS = "access";

	private final TokenProperties properties;

	private final SigningKeys keys;

	private final Clock clock;

	AccessTokens(TokenProperties properties, SigningKeys keys, Clock clock) {
		this.properties = properties;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * A signed access token for a user.
	 * @param userId the subject
	 * @param roles the user's roles
	 * @return the token and its lifetime
	 */
	public IssuedToken issue(String userId, Collection<String> roles) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.audience(List.of(this.properties.audience()))
			.subject(userId)
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.accessTokenLifetime()))
			.id(UUID.randomUUID().toString())
			.claim("roles", List.copyOf(roles))
			.claim("typ", ACCESS)
			.build();
		return new IssuedToken(this.keys.sign(claims), this.properties.accessTokenLifetime().toSeconds());
	}

	/**
	 * A signed token and how long it is valid.
	 *
	 * @param value the compact JWT
	 * @param expiresIn seconds until it expires
	 */
	public record IssuedToken(String value, long expiresIn) {

	}

}
