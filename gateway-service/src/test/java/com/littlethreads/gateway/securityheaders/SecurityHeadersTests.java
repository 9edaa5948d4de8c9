package com.littlethreads.gateway.securityheaders;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTests extends UpstreamGatewayTest {

	@Autowired
	SecurityHeadersFilter filter;

	@Test
	void proxiedResponseCarriesTheHeadersAndAServiceCannotWeakenThem() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products"))
			.willReturn(okJson("{}").withHeader("X-Frame-Options", "SAMEORIGIN")
				.withHeader("Referrer-Policy", "unsafe-url")
				.withHeader("Strict-Transport-Security", "max-age=0")));

		this.client.get()
			.uri("/api/catalog/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valuesMatch("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.valuesMatch("X-Frame-Options", "DENY")
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void gatewaysOwnNotFoundProblemCarriesTheHeaders() {
		this.client.get()
			.uri("/no-such-page")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void actuatorCarriesTheHeaders() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void hstsIsSentWhenATrustedProxyReportsHttps() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
	}

	@Test
	void hstsIsSentOnTheGatewaysOwnAnswersOverHttpsToo() {
		this.client.get()
			.uri("/no-such-page")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
	}

	@Test
	void forwardedProtoFromAnUntrustedAddressIsIgnored() {
		MockServerHttpRequest fromTheInternet = MockServerHttpRequest.get("http://gateway/api/catalog/products")
			.remoteAddress(new InetSocketAddress("203.0.113.9", 40000))
			.header("X-Forwarded-Proto", "https")
			.build();
		MockServerHttpRequest fromTheLoadBalancer = MockServerHttpRequest.get("http://gateway/api/catalog/products")
			.remoteAddress(new InetSocketAddress("10.0.0.4", 40000))
			.header("X-Forwarded-Proto", "https")
			.build();
		MockServerHttpRequest direct = MockServerHttpRequest.get("https://gateway/api/catalog/products")
			.remoteAddress(new InetSocketAddress("203.0.113.9", 40000))
			.build();

		assertThat(this.filter.arrivedOverTls(fromTheInternet)).isFalse();
		assertThat(this.filter.arrivedOverTls(fromTheLoadBalancer)).isTrue();
		assertThat(this.filter.arrivedOverTls(direct)).isTrue();
	}

}
