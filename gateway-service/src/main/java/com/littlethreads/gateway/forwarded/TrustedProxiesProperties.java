package com.littlethreads.gateway.forwarded;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The proxies in front of the gateway whose {@code X-Forwarded-*} headers it believes.
 *
 * @param trustedProxies CIDR blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or bare
 * addresses ({@code /32} or {@code /128}), comma-separated in {@code TRUSTED_PROXIES}:
 * the TLS proxy, load balancer or CDN whose connections arrive at the gateway. Empty (the
 * default): only the connection's own address counts, whatever a caller writes in its
 * headers.
 */
@ConfigurationProperties("littlethreads")
record TrustedProxiesProperties(List<String> trustedProxies) {

	TrustedProxiesProperties {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

}
