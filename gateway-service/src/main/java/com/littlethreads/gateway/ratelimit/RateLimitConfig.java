package com.littlethreads.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.util.StringUtils;

import com.littlethreads.gateway.forwarded.ClientOrigins;

/**
 * The rate limit filter, with buckets in Redis when
 * {@code littlethreads.rate-limits.redis-url} is set and in memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "littlethreads.rate-limits.enabled", matchIfMissing = true)
class RateLimitConfig {

	@Bean
	BucketStore bucketStore(RateLimitProperties properties) {
		return StringUtils.hasText(properties.redisUrl()) ? new RedisBucketStore(properties.redisUrl())
				: new LocalBucketStore();
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitProperties properties, BucketStore buckets, ClientOrigins origins) {
		NimbusReactiveJwtDecoder tokens = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
			.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<java.util.List<String>>("aud",
				(aud) -> aud != null && aud.contains(properties.audience()));
		tokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
		return new RateLimitFilter(properties, buckets, new ClientKeys(origins, tokens));
	}

}
