package com.littlethreads.gateway.securityheaders;

import org.junit.jupiter.api.Test;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

class SecurityHeadersTests extends UpstreamGatewayTest {

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
	void thePublicPortsAnswerForActuatorCarriesTheHeaders() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void forwardedProtoFromAClientThatIsNoTrustedProxyIsIgnored() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		// No trusted proxies by default: the test client is a client like any other.
		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

}
