package com.littlethreads.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.TestSocketUtils;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Redis is configured but nothing answers: the gateway starts, and requests pass without
 * limits (fail open, on purpose: see {@link RedisBucketStore}).
 */
@TestPropertySource(properties = "littlethreads.rate-limits.client.capacity=2")
class RedisDownRateLimitTests extends UpstreamGatewayTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.rate-limits.redis-url",
				() -> "redis://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort());
	}

	@Test
	void requestsPassUnlimitedWhileRedisIsUnreachable() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		for (int i = 0; i < 6; i++) {
			this.client.get().uri("/api/catalog/products").exchange().expectStatus().isOk();
		}
		upstream.verify(6, getRequestedFor(urlEqualTo("/api/catalog/products")));
	}

}
