package com.littlethreads.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.littlethreads.gateway.forwarded.ClientOrigins;
import com.littlethreads.gateway.forwarded.TrustedProxies;
import com.littlethreads.platform.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeysTests {

	private final ClientKeys keys = new ClientKeys(new ClientOrigins(TrustedProxies.parse(List.of("10.0.0.0/8"))),
			new AccessTokens((token) -> Mono.error(new IllegalStateException("does not verify"))));

	@Test
	void anIpv4ClientIsKeyedByItsAddress() {
		assertThat(this.keys.address(exchange("203.0.113.9", null))).isEqualTo("ip:203.0.113.9");
	}

	@Test
	void anIpv6ClientIsKeyedByItsSlash64SoItsOtherAddressesShareTheBucket() {
		assertThat(this.keys.address(exchange("2001:db8:1:2:aaaa::1", null)))
			.isEqualTo(this.keys.address(exchange("2001:db8:1:2:bbbb:cccc:dddd:eeee", null)))
			.isEqualTo("ip:2001:db8:1:2:0:0:0:0/64");
		assertThat(this.keys.address(exchange("2001:db8:1:3::1", null))).isEqualTo("ip:2001:db8:1:3:0:0:0:0/64");
	}

	@Test
	void theAddressIsTheOneTheClientRuleGives() {
		assertThat(this.keys.address(exchange("10.0.0.4", "6.6.6.6, 198.51.100.1"))).isEqualTo("ip:198.51.100.1");
		assertThat(this.keys.address(exchange("203.0.113.9", "198.51.100.1"))).isEqualTo("ip:203.0.113.9");
	}

	@Test
	void aTokenThatDoesNotVerifyFallsBackToTheAddress() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://gateway/api/catalog/products")
				.remoteAddress(new InetSocketAddress("203.0.113.9", 40000))
				.header("Authorization", "Bearer " + TestJwts.token("user-ada")));

		assertThat(this.keys.userOrAddress(exchange).block()).isEqualTo("ip:203.0.113.9");
	}

	private static MockServerWebExchange exchange(String remote, String forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("http://gateway/api/catalog/products")
			.remoteAddress(new InetSocketAddress(remote, 40000));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return MockServerWebExchange.from(request);
	}

}
