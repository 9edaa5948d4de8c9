package com.littlethreads.platform.proxy;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxyPropertiesTests {

	private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClientAddressAutoConfiguration.class));

	@Test
	void loopbackIsTrustedByDefault() {
		this.contexts.run((context) -> assertThat(context.getBean(TrustedProxyProperties.class).trustedProxies())
			.containsExactly("127.0.0.1/32", "::1/128"));
	}

	@Test
	void emptyListTrustsNoProxy() {
		this.contexts.withPropertyValues("littlethreads.trusted-proxies=")
			.run((context) -> assertThat(context.getBean(TrustedProxyProperties.class).trustedProxies()).isEmpty());
	}

	@Test
	void cidrListIsReadWithSpacesTrimmed() {
		this.contexts.withPropertyValues("littlethreads.trusted-proxies=172.18.0.0/16, fd00::/8 ,10.0.0.2")
			.run((context) -> assertThat(context.getBean(TrustedProxyProperties.class).trustedProxies())
				.containsExactly("172.18.0.0/16", "fd00::/8", "10.0.0.2"));
	}

	@Test
	void entryThatIsNotACidrStopsTheServiceNamingIt() {
		for (String invalid : new String[] { "gateway", "10.0.0.0/33", "10.0.0/8", "::1/129", "10.0.0.0/x" }) {
			this.contexts.withPropertyValues("littlethreads.trusted-proxies=" + invalid)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("'" + invalid + "' in littlethreads.trusted-proxies"));
		}
	}

}
