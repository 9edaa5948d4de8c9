package com.littlethreads.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
	RateLimitFilter rateLimitFilter(RateLimitProperties properties, BucketStore buckets, ClientOrigins origins,
			MeterRegistry registry) {
		AccessTokens tokens = AccessTokens.verifiedAgainst(properties.jwksUri(), properties.issuer(),
				properties.audience(), properties.jwksCoolDown());
		return new RateLimitFilter(properties, buckets, new ClientKeys(origins, tokens), new RateLimitMeters(registry));
	}

}
