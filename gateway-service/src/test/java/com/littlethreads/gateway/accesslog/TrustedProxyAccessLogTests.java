package com.littlethreads.gateway.accesslog;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway behind a load balancer (the test client on loopback), with a CDN
 * (10.0.0.0/8) in front of it: the access log names the client by the same rule as the
 * forwarded headers and the rate limits.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "littlethreads.trusted-proxies=127.0.0.1/32, ::1/128, 10.0.0.0/8")
class TrustedProxyAccessLogTests extends UpstreamGatewayTest {

	@Test
	void theClientIsTheRightMostUntrustedForwardedForEntry(CapturedOutput output) {
		upstream.stubFor(get(urlPathEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		// The first request of a fresh context, on a busy machine, may take a while.
		this.client.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/api/catalog/products")
			.header("X-Request-Id", "access-proxied-1")
			.header("X-Forwarded-For", "6.6.6.6, 198.51.100.1, 10.0.0.7")
			.exchange()
			.expectStatus()
			.isOk();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> output.getOut().lines().anyMatch((line) -> line.contains("request_id=access-proxied-1")));
		assertThat(output.getOut().lines().filter((line) -> line.contains("request_id=access-proxied-1")))
			.singleElement()
			.asString()
			.endsWith("request_id=access-proxied-1 client=198.51.100.1");
	}

}
