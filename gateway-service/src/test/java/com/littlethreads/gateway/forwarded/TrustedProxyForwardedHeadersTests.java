package com.littlethreads.gateway.forwarded;

import com.github.tomakehurst.wiremock.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway behind a load balancer: the test client on loopback plays the load
 * balancer, and 10.0.0.0/8 is the CDN in front of it.
 */
@TestPropertySource(properties = "littlethreads.trusted-proxies=127.0.0.1/32, ::1/128, 10.0.0.0/8")
class TrustedProxyForwardedHeadersTests extends UpstreamGatewayTest {

	@Test
	void aServiceGetsTheRightMostUntrustedAddressAsItsOnlyForwardedForEntry() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Forwarded-For", "6.6.6.6, 198.51.100.1, 10.0.0.7")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "www.littlethreads.shop")
			.header("X-Forwarded-Port", "443")
			.header("X-Real-IP", "6.6.6.6")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");

		HttpHeaders received = ForwardedHeadersTests.received();
		assertThat(received.getHeader("X-Forwarded-For").values()).containsExactly("198.51.100.1");
		assertThat(received.getHeader("X-Forwarded-Proto").values()).containsExactly("https");
		assertThat(received.getHeader("X-Forwarded-Host").values()).containsExactly("www.littlethreads.shop");
		assertThat(received.getHeader("X-Forwarded-Port").values()).containsExactly("443");
		assertThat(received.keys()).map(String::toLowerCase).doesNotContain("x-real-ip");
	}

	@Test
	void hstsIsSentOnTheGatewaysOwnAnswersWhenTheProxyReportsHttps() {
		this.client.get()
			.uri("/no-such-page")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
	}

}
