package com.littlethreads.platform.proxy;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTests {

	private final TrustedProxies loopbackAndPrivate = new TrustedProxies(
			List.of("127.0.0.1/32", "::1/128", "10.0.0.0/8", "fd00::/8"));

	@Test
	void untrustedPeerIsTheClientWhateverItForwards() {
		assertThat(resolve(this.loopbackAndPrivate, "198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
	}

	@Test
	void trustedPeerForwardsTheClient() {
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
	}

	@Test
	void trustedPeerWithoutForwardedForIsTheClient() {
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1")).isEqualTo("127.0.0.1");
	}

	@Test
	void rightMostUntrustedEntryIsTheClientAndEverythingLeftOfItIsIgnored() {
		// The client wrote 1.2.3.4 itself; the CDN (10.0.0.2, trusted) added the address
		// it saw.
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2"))
			.isEqualTo("203.0.113.9");
	}

	@Test
	void entriesAcrossSeveralHeadersAreReadAsOneList() {
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "203.0.113.9", "10.0.0.2")).isEqualTo("203.0.113.9");
	}

	@Test
	void chainOfOnlyTrustedProxiesEndsAtTheLeftMostOne() {
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "10.0.0.3, 10.0.0.2")).isEqualTo("10.0.0.3");
	}

	@Test
	void malformedEntryIsNeverTakenAndEndsTheWalk() {
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "203.0.113.9, not-an-address")).isEqualTo("127.0.0.1");
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "203.0.113.9, evil.example, 10.0.0.2"))
			.isEqualTo("10.0.0.2");
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "1.2.3.999")).isEqualTo("127.0.0.1");
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "203.0.113.9:443")).isEqualTo("127.0.0.1");
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "fe80::1%eth0")).isEqualTo("127.0.0.1");
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "")).isEqualTo("127.0.0.1");
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "203.0.113.9\u0000")).isEqualTo("127.0.0.1");
	}

	@Test
	void ipv6ClientsAndProxiesAreResolvedToo() {
		assertThat(resolve(this.loopbackAndPrivate, "0:0:0:0:0:0:0:1", "2001:db8::7"))
			.isEqualTo("2001:db8:0:0:0:0:0:7");
		assertThat(resolve(this.loopbackAndPrivate, "127.0.0.1", "[2001:db8::7], fd00::2"))
			.isEqualTo("2001:db8:0:0:0:0:0:7");
	}

	@Test
	void withNoTrustedProxiesOnlyThePeerCounts() {
		TrustedProxies none = new TrustedProxies(List.of());

		assertThat(resolve(none, "127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
	}

	@Test
	void bareAddressTrustsExactlyThatAddress() {
		TrustedProxies one = new TrustedProxies(List.of("10.0.0.2"));

		assertThat(resolve(one, "10.0.0.2", "203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(resolve(one, "10.0.0.3", "203.0.113.9")).isEqualTo("10.0.0.3");
	}

	private static String resolve(TrustedProxies proxies, String peer, String... forwardedFor) {
		return proxies.clientAddress(peer, Collections.enumeration(List.of(forwardedFor)));
	}

}
