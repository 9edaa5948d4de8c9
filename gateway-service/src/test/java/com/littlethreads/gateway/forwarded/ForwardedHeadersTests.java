package com.littlethreads.gateway.forwarded;

import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no trusted proxies (the default), the test client on loopback is a client like any
 * other: whatever it writes in forwarding headers stays at the gateway.
 */
class ForwardedHeadersTests extends UpstreamGatewayTest {

	@LocalServerPort
	int port;

	@Autowired
	List<HttpHeadersFilter> headersFilters;

	@Test
	void aServiceGetsExactlyOneForwardedForNamingTheConnectionAndNoneOfTheClientsForwardingHeaders() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Forwarded-For", "6.6.6.6")
			.header("X-Forwarded-For", "7.7.7.7")
			.header("X-Real-IP", "6.6.6.6")
			.header("Forwarded", "for=6.6.6.6;proto=https")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Port", "1")
			.header("X-Forwarded-Prefix", "/evil")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");

		HttpHeaders received = received();
		assertThat(received.getHeader("X-Forwarded-For").values()).containsExactly("127.0.0.1");
		assertThat(received.getHeader("X-Forwarded-Proto").values()).containsExactly("http");
		assertThat(received.getHeader("X-Forwarded-Host").values()).containsExactly("localhost:" + this.port);
		assertThat(received.getHeader("X-Forwarded-Port").values()).containsExactly(String.valueOf(this.port));
		assertThat(received.keys()).map(String::toLowerCase)
			.doesNotContain("x-real-ip", "forwarded", "x-forwarded-prefix");
	}

	@Test
	void theForwardingHeadersAreDroppedByOneFilterNotCopiedAwayByThreeMore() {
		assertThat(this.headersFilters).hasAtLeastOneElementOfType(ForwardedHeadersFilter.class)
			.doesNotHaveAnyElementsOfTypes(RemoveForwardedHeadersFilter.class, RemoveXForwardedHeadersFilter.class,
					GRPCRequestHeadersFilter.class);
	}

	static HttpHeaders received() {
		LoggedRequest request = upstream.findAll(getRequestedFor(urlEqualTo("/api/catalog/products"))).get(0);
		return request.getHeaders();
	}

}
