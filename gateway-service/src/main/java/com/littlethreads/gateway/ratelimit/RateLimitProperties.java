package com.littlethreads.gateway.ratelimit;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How many API requests a client may make. Every client has a general bucket (per user
 * when the request carries a valid access token, otherwise per address); sign-in,
 * registration and checkout also draw from stricter buckets of their own.
 *
 * @param enabled whether limits apply at all (off for load tests)
 * @param client the general bucket, per user or per address
 * @param signIn {@code POST /api/auth/login}, per address (no user is known yet)
 * @param registration {@code POST /api/auth/register}, per address
 * @param checkout {@code POST /api/checkout}, per user or per address
 * @param redisUrl when set ({@code redis://host:6379}), buckets live in Redis and every
 * gateway instance shares them; empty keeps them in this instance's memory
 * @param jwksUri where user-service publishes the keys that sign access tokens: a token
 * is used as the bucket key only once its signature checks out
 * @param issuer the issuer access tokens must name
 * @param audience the audience access tokens must name
 * @param jwksCoolDown how long after fetching the key set a token with an unknown key id
 * may make the gateway fetch it again (Nimbus lets one more through within it, for a key
 * rotation): junk tokens cannot turn into a stream of key set requests
 */
@ConfigurationProperties("littlethreads.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit client, Limit signIn, Limit registration,
		Limit checkout, String redisUrl, URI jwksUri, String issuer, String audience,
		@DefaultValue("30s") Duration jwksCoolDown) {

	RateLimitProperties {
		Assert.notNull(client, "littlethreads.rate-limits.client must be set");
		Assert.notNull(signIn, "littlethreads.rate-limits.sign-in must be set");
		Assert.notNull(registration, "littlethreads.rate-limits.registration must be set");
		Assert.notNull(checkout, "littlethreads.rate-limits.checkout must be set");
	}

	/**
	 * A token bucket: {@code capacity} requests at once, refilled at {@code capacity} per
	 * {@code period}, a little at a time.
	 *
	 * @param capacity the burst a client may make
	 * @param period how long an empty bucket takes to fill again
	 */
	record Limit(@DefaultValue("1") long capacity, @DefaultValue("1m") Duration period) {

		Limit {
			Assert.isTrue(capacity > 0, "a rate limit's capacity must be positive");
			Assert.isTrue(period != null && !period.isNegative() && !period.isZero(),
					"a rate limit's period must be positive");
		}

	}

}
