package com.littlethreads.platform.proxy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address a controller sees, over real HTTP from loopback (where
 * {@code ./run.sh} starts the gateway).
 */
class ClientAddressTests {

	@Nested
	@PlatformTest
	class ByDefault extends ServiceHttpTest {

		@Test
		void loopbackIsTrustedSoItsForwardedAddressIsTheClient() {
			Response response = this.http.get("/probe/client", "X-Forwarded-For", "203.0.113.9");

			assertThat(response.json().get("address").asString()).isEqualTo("203.0.113.9");
			assertThat(response.json().get("host").asString()).isEqualTo("203.0.113.9");
		}

		@Test
		void withoutForwardedForThePeerIsTheClient() {
			assertThat(this.http.get("/probe/client").json().get("address").asString()).isEqualTo("127.0.0.1");
		}

		@Test
		void malformedForwardedForIsNotTaken() {
			Response response = this.http.get("/probe/client", "X-Forwarded-For", "203.0.113.9, <script>");

			assertThat(response.json().get("address").asString()).isEqualTo("127.0.0.1");
		}

	}

	// On Kubernetes Boot would switch on Tomcat's RemoteIpValve by itself, which trusts
	// loopback and every private range; the platform keeps it off.
	@Nested
	@PlatformTest
	@TestPropertySource(properties = { "littlethreads.trusted-proxies=10.0.0.0/8, fd00::/8",
			"spring.main.cloud-platform=kubernetes" })
	class WhenLoopbackIsNotATrustedProxy extends ServiceHttpTest {

		@Test
		void forwardedForFromAnUntrustedPeerIsIgnored() {
			Response response = this.http.get("/probe/client", "X-Forwarded-For", "203.0.113.9");

			assertThat(response.json().get("address").asString()).isEqualTo("127.0.0.1");
		}

	}

	@Nested
	@PlatformTest
	@TestPropertySource(properties = "littlethreads.trusted-proxies=127.0.0.1/32, 10.0.0.0/8")
	class BehindAChainOfTrustedProxies extends ServiceHttpTest {

		@Test
		void rightMostUntrustedEntryIsTheClient() {
			Response response = this.http.get("/probe/client", "X-Forwarded-For",
					"198.51.100.1, 203.0.113.9, 10.1.2.3");

			assertThat(response.json().get("address").asString()).isEqualTo("203.0.113.9");
		}

	}

}
