package com.littlethreads.platform.proxy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers the {@link ClientAddressFilter} first of all filters, ahead of the request
 * id, Spring Security and anything else that reads the client address. Tomcat's own
 * {@code RemoteIpValve} stays off ({@code server.forward-headers-strategy=none} in the
 * platform defaults): it trusts every private range, where this trusts only the listed
 * proxies.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(TrustedProxyProperties.class)
public class ClientAddressAutoConfiguration {

	@Bean
	FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(TrustedProxyProperties properties) {
		FilterRegistrationBean<ClientAddressFilter> registration = new FilterRegistrationBean<>(
				new ClientAddressFilter(new TrustedProxies(properties.trustedProxies())));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("clientAddressFilter");
		return registration;
	}

}
