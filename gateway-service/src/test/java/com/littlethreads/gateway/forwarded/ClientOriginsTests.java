package com.littlethreads.gateway.forwarded;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule for the client's address (C1), with a load balancer at 10.0.0.4 in front
 * of the gateway and a CDN range 192.0.2.0/24 in front of that.
 */
class ClientOriginsTests {

	private final ClientOrigins origins = new ClientOrigins(
			TrustedProxies.parse(List.of("10.0.0.0/8", "192.0.2.0/24")));

	@Test
	void aDirectClientIsItsConnectionWhateverItsHeadersClaim() {
		ClientOrigin origin = this.origins.of(from("203.0.113.9").header("X-Forwarded-For", "198.51.100.1")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Port", "443")
			.build());

		assertThat(origin.address().getHostAddress()).isEqualTo("203.0.113.9");
		assertThat(origin.secure()).isFalse();
		assertThat(origin.host()).isEqualTo("shop.example");
		assertThat(origin.port()).isEqualTo(80);
	}

	@Test
	void behindATrustedProxyTheClientIsTheAddressTheProxySaw() {
		assertThat(address("10.0.0.4", "198.51.100.1")).isEqualTo("198.51.100.1");
	}

	@Test
	void entriesTheClientWroteLeftOfTheRightMostUntrustedOneAreIgnored() {
		// The client sent "X-Forwarded-For: 6.6.6.6"; the CDN appended what it saw, then
		// the load balancer appended the CDN.
		assertThat(address("10.0.0.4", "6.6.6.6, 198.51.100.1, 192.0.2.10")).isEqualTo("198.51.100.1");
	}

	@Test
	void severalForwardedForHeadersAreOneListInOrder() {
		ClientOrigin origin = this.origins.of(from("10.0.0.4").header("X-Forwarded-For", "6.6.6.6, 198.51.100.1")
			.header("X-Forwarded-For", "192.0.2.10")
			.build());

		assertThat(origin.address().getHostAddress()).isEqualTo("198.51.100.1");
	}

	@Test
	void aMalformedEntryEndsTheWalkAtTheLastAddressVouchedFor() {
		assertThat(address("10.0.0.4", "198.51.100.1, not-an-address, 192.0.2.10")).isEqualTo("192.0.2.10");
		assertThat(address("10.0.0.4", "198.51.100.1,,192.0.2.10")).isEqualTo("192.0.2.10");
		assertThat(address("10.0.0.4", "evil.example")).isEqualTo("10.0.0.4");
	}

	@Test
	void whenEveryHopIsTrustedTheOutermostIsTheClient() {
		assertThat(address("10.0.0.4", "10.9.9.9, 192.0.2.10")).isEqualTo("10.9.9.9");
	}

	@Test
	void aTrustedProxyWithoutForwardedForIsTheClient() {
		assertThat(this.origins.of(from("10.0.0.4").build()).address().getHostAddress()).isEqualTo("10.0.0.4");
	}

	@Test
	void aTrustedProxyDescribesTheOriginalRequest() {
		ClientOrigin origin = this.origins.of(from("10.0.0.4").header("X-Forwarded-For", "198.51.100.1")
			.header("X-Forwarded-Proto", "https, http")
			.header("X-Forwarded-Host", "www.littlethreads.shop")
			.header("X-Forwarded-Port", "443")
			.build());

		assertThat(origin.secure()).isTrue();
		assertThat(origin.scheme()).isEqualTo("https");
		assertThat(origin.host()).isEqualTo("www.littlethreads.shop");
		assertThat(origin.port()).isEqualTo(443);
	}

	@Test
	void aForwardedHostThatIsNoHostNameIsIgnored() {
		ClientOrigin origin = this.origins
			.of(from("10.0.0.4").header("X-Forwarded-Host", "evil.example/path\"<script>").build());

		assertThat(origin.host()).isEqualTo("shop.example");
	}

	@Test
	void aRequestOverTlsIsSecureWithoutAnyProxy() {
		ClientOrigin origin = this.origins.of(MockServerHttpRequest.get("https://shop.example/api/catalog/products")
			.remoteAddress(new InetSocketAddress("203.0.113.9", 40000))
			.build());

		assertThat(origin.secure()).isTrue();
		assertThat(origin.port()).isEqualTo(443);
	}

	private String address(String peer, String forwardedFor) {
		return this.origins.of(from(peer).header("X-Forwarded-For", forwardedFor).build()).address().getHostAddress();
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
		return MockServerHttpRequest.get("http://shop.example/api/catalog/products")
			.remoteAddress(new InetSocketAddress(peer, 40000))
			.header("Host", "shop.example");
	}

}
