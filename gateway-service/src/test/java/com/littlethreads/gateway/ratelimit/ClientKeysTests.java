package com.littlethreads.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeysTests {

	private final ClientKeys keys = new ClientKeys(Pattern.compile("127\\.0\\.0\\.1|10\\..*"),
			(token) -> Mono.error(new IllegalStateException("not used")));

	@Test
	void directClientIsKeyedByItsConnectionWhateverItClaims() {
		assertThat(this.keys.address(request("203.0.113.9", "198.51.100.1"))).isEqualTo("ip:203.0.113.9");
	}

	@Test
	void clientBehindATrustedProxyIsKeyedByTheAddressTheProxySaw() {
		assertThat(this.keys.address(request("10.0.0.4", "198.51.100.1"))).isEqualTo("ip:198.51.100.1");
	}

	@Test
	void addressesTheClientWroteLeftOfTheProxysEntryAreIgnored() {
		// The client sent "X-Forwarded-For: 6.6.6.6"; the CDN appended what it saw, then
		// the
		// load balancer appended the CDN.
		assertThat(this.keys.address(request("10.0.0.4", "6.6.6.6, 198.51.100.1, 10.0.0.7")))
			.isEqualTo("ip:198.51.100.1");
	}

	@Test
	void tokenThatDoesNotVerifyFallsBackToTheAddress() {
		MockServerHttpRequest request = MockServerHttpRequest.get("http://gateway/api/catalog/products")
			.remoteAddress(new InetSocketAddress("203.0.113.9", 40000))
			.header("Authorization", "Bearer not-a-jwt")
			.build();

		assertThat(this.keys.userOrAddress(request).block()).isEqualTo("ip:203.0.113.9");
	}

	private static MockServerHttpRequest request(String remote, String forwardedFor) {
		return MockServerHttpRequest.get("http://gateway/api/catalog/products")
			.remoteAddress(new InetSocketAddress(remote, 40000))
			.header("X-Forwarded-For", forwardedFor)
			.build();
	}

}
