package com.littlethreads.platform.proxy;

import java.net.InetAddress;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which peers may tell a service the client's address.
 *
 * @param trustedProxies the trusted proxies as CIDRs ({@code 10.0.0.0/8},
 * {@code fd00::/8}); a bare address means that one address. Empty: only the TCP peer
 * counts. By default loopback, where {@code ./run.sh} starts the gateway; docker-compose
 * names the gateway's network (environment variable {@code TRUSTED_PROXIES})
 */
@ConfigurationProperties("littlethreads")
public record TrustedProxyProperties(@DefaultValue( {
		"127.0.0.1/32", "::1/128" }) List<String> trustedProxies){

	public TrustedProxyProperties {
		trustedProxies = trustedProxies.stream().map(String::trim).filter((cidr) -> !cidr.isEmpty()).toList();
		trustedProxies.forEach(TrustedProxyProperties::requireCidr);
	}

	// Checked here, so a typo stops the service at startup with a message naming the
	// entry, instead of trusting nothing (or, worse, looking the text up in DNS).
	private static void requireCidr(String cidr) {
		int slash = cidr.indexOf('/');
		InetAddress address = IpLiterals.parse((slash >= 0) ? cidr.substring(0, slash) : cidr);
		boolean valid = address != null && !cidr.startsWith("[");
		if (valid && slash >= 0) {
			String bits = cidr.substring(slash + 1);
			valid = bits.matches("[0-9]{1,3}") && Integer.parseInt(bits) <= address.getAddress().length * 8;
		}
		if (!valid) {
			throw new IllegalArgumentException("'" + cidr + "' in littlethreads.trusted-proxies is not an IPv4 or IPv6"
					+ " address or CIDR range such as 10.0.0.0/8 or fd00::/8");
		}
	}

}
