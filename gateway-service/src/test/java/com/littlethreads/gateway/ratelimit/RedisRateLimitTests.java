package com.littlethreads.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;
import com.littlethreads.gateway.ratelimit.RateLimitProperties.Limit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets in a real Redis: the gateway refuses the burst, and a second store on the same
 * Redis (as another gateway instance would) sees the same, emptied bucket.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = { "littlethreads.rate-limits.client.capacity=3",
		"littlethreads.trusted-proxies=127.0.0.1/32,::1/128" })
class RedisRateLimitTests extends UpstreamGatewayTest {

	@Container
	static GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.rate-limits.redis-url", RedisRateLimitTests::redisUrl);
	}

	@Test
	void burstIsRefusedAndTheBucketIsSharedThroughRedis() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		int allowed = 0;
		while (this.client.get()
			.uri("/api/catalog/products")
			.header("X-Forwarded-For", "198.51.100.20")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value() == 200) {
			allowed++;
			assertThat(allowed).isLessThan(20);
		}
		assertThat(allowed).isGreaterThanOrEqualTo(3);

		RedisBucketStore anotherGateway = new RedisBucketStore(redisUrl());
		try {
			assertThat(
					anotherGateway.tryConsume("client:ip:198.51.100.20", new Limit(3, java.time.Duration.ofMinutes(1)))
						.block()
						.isConsumed())
				.isFalse();
		}
		finally {
			anotherGateway.destroy();
		}
	}

	private static String redisUrl() {
		return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
	}

}
