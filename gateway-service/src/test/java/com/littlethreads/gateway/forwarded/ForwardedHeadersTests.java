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
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
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

	@Test
	void theClientsHopByHopHeadersStayAtTheGatewayAndSoDoThoseItsConnectionHeaderNames() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("Connection", "keep-alive, X-Session-Hint")
			.header("X-Session-Hint", "secret")
			.header("Keep-Alive", "timeout=5")
			.header("TE", "trailers")
			.header("Proxy-Authorization", "Basic c2VjcmV0")
			.header("X-Kept", "1")
			.exchange()
			.expectStatus()
			.isOk();

		HttpHeaders received = received();
		assertThat(received.keys()).map(String::toLowerCase)
			.doesNotContain("x-session-hint", "keep-alive", "te", "proxy-authorization")
			.contains("x-kept", "x-forwarded-for");
	}

	@Test
	void aServicesHopByHopHeadersStayAtTheGateway() {
		upstream.stubFor(
				get(urlEqualTo("/api/catalog/products")).willReturn(okJson("{}").withHeader("Keep-Alive", "timeout=5")
					.withHeader("Proxy-Authenticate", "Basic")
					.withHeader("X-Application-Context", "catalog-service:8082")
					.withHeader("Trailer", "X-Checksum")
					.withHeader("X-Kept", "1")));

		this.client.get()
			.uri("/api/catalog/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Kept", "1")
			.expectHeader()
			.doesNotExist("Keep-Alive")
			.expectHeader()
			.doesNotExist("Proxy-Authenticate")
			.expectHeader()
			.doesNotExist("X-Application-Context")
			.expectHeader()
			.doesNotExist("Trailer");
	}

	@Test
	void anAnswerWithoutHopByHopHeadersIsPassedOnUncopied() {
		org.springframework.http.HttpHeaders answer = new org.springframework.http.HttpHeaders();
		answer.set("Content-Type", "application/json");
		answer.set("ETag", "\"1\"");

		assertThat(new HopByHopHeaders().filter(answer, null)).isSameAs(answer);
		assertThat(this.headersFilters).hasAtLeastOneElementOfType(HopByHopHeaders.class)
			.doesNotHaveAnyElementsOfTypes(RemoveHopByHopHeadersFilter.class);
	}

	static HttpHeaders received() {
		LoggedRequest request = upstream.findAll(getRequestedFor(urlEqualTo("/api/catalog/products"))).get(0);
		return request.getHeaders();
	}

}
