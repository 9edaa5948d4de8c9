package com.littlethreads.gateway.forwarded;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ForwardedConfigTests {

	@Test
	void springCloudGatewaysOwnTrustedProxiesSettingStopsTheGatewayFromStarting() {
		// It would make Netty rewrite the connection's address from a caller's headers.
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.cloud.gateway.server.webflux.trusted-proxies", "10\\..*");

		assertThatIllegalStateException()
			.isThrownBy(() -> new ForwardedConfig().clientOrigins(new TrustedProxiesProperties(List.of()), environment))
			.withMessageContaining("littlethreads.trusted-proxies");
	}

	@Test
	void aTrustedProxyThatIsNoCidrBlockStopsTheGatewayFromStarting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ForwardedConfig().clientOrigins(new TrustedProxiesProperties(List.of("10.*")),
					new MockEnvironment()))
			.withMessageContaining("'10.*'");
	}

}
