package com.littlethreads.gateway.forwarded;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	private final TrustedProxies proxies = TrustedProxies
		.parse(List.of("10.0.0.0/8", " 192.0.2.7 ", "2001:db8:aa::/48", "::1", ""));

	@Test
	void addressesInsideABlockAreTrustedAndOthersAreNot() {
		assertThat(this.proxies.contains(address("10.255.1.2"))).isTrue();
		assertThat(this.proxies.contains(address("11.0.0.1"))).isFalse();
		assertThat(this.proxies.contains(address("192.0.2.7"))).isTrue();
		assertThat(this.proxies.contains(address("192.0.2.8"))).isFalse();
		assertThat(this.proxies.contains(address("2001:db8:aa:ffff::1"))).isTrue();
		assertThat(this.proxies.contains(address("2001:db8:ab::1"))).isFalse();
		assertThat(this.proxies.contains(address("0:0:0:0:0:0:0:1"))).isTrue();
		assertThat(this.proxies.contains(null)).isFalse();
	}

	@Test
	void anIpv4MappedIpv6AddressIsTheIpv4AddressItCarries() {
		assertThat(this.proxies.contains(TrustedProxies.parseAddress("::ffff:10.1.2.3"))).isTrue();
	}

	@Test
	void noEntriesTrustNobody() {
		TrustedProxies none = TrustedProxies.parse(List.of());

		assertThat(none.isEmpty()).isTrue();
		assertThat(none.contains(address("127.0.0.1"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/33", "10.0.0.0/x", "localhost", "10.0.0.0/8/8", "*", "10.*", "::1/129",
			"example.com/24" })
	void anEntryThatIsNotACidrBlockIsRefusedNamingIt(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse(List.of(entry)))
			.withMessageContaining("'" + entry + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "198.51.100.1", " 198.51.100.1 ", "198.51.100.1:4711" })
	void forwardedForEntriesMayCarryAPort(String entry) {
		assertThat(TrustedProxies.parseAddress(entry)).isEqualTo(address("198.51.100.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2001:db8::1", "[2001:db8::1]", "[2001:db8::1]:4711" })
	void ipv6EntriesMayBeBracketed(String entry) {
		assertThat(TrustedProxies.parseAddress(entry)).isEqualTo(address("2001:db8::1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "unknown", "", "example.com", "_hidden", "198.51.100", "fe80::1%eth0", "1.2.3.4.5",
			"999.1.1.1" })
	void anythingButAnAddressLiteralIsNoAddress(String entry) {
		assertThat(TrustedProxies.parseAddress(entry)).isNull();
	}

	private static InetAddress address(String literal) {
		InetAddress address = TrustedProxies.parseAddress(literal);
		assertThat(address).as(literal).isNotNull();
		return address;
	}

}
