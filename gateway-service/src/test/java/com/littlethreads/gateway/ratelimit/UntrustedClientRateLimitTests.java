package com.littlethreads.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No trusted proxies (the default): a caller cannot choose its bucket with
 * {@code X-Forwarded-For}, from loopback or anywhere else.
 */
@TestPropertySource(
		properties = { "littlethreads.rate-limits.client.capacity=3", "littlethreads.rate-limits.client.period=1h" })
class UntrustedClientRateLimitTests extends UpstreamGatewayTest {

	@Test
	void aClientSentForwardedForDoesNotChooseTheBucket() {
		upstream.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		int allowed = 0;
		while (get("203.0.113." + allowed) == 200) {
			allowed++;
			assertThat(allowed).as("requests allowed before the first 429").isLessThan(20);
		}

		assertThat(allowed).isEqualTo(3);
		assertThat(get("198.51.100.77")).isEqualTo(429);
	}

	private int get(String forwardedFor) {
		return this.client.get()
			.uri("/api/catalog/products")
			.header("X-Forwarded-For", forwardedFor)
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

}
