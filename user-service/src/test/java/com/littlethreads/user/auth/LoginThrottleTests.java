package com.littlethreads.user.auth;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.Shoppers.PASSWORD;
import static com.littlethreads.user.Shoppers.login;
import static com.littlethreads.user.Shoppers.register;
import static com.littlethreads.user.Shoppers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is slowed per client address, as the gateway reports it in
 * X-Forwarded-For, without locking the shopper out from elsewhere.
 */
@UserServiceTest
@TestPropertySource(properties = { "users.auth.failures-per-address=5", "users.auth.failures-per-account=20" })
class LoginThrottleTests extends ServiceHttpTest {

	private static final String ATTACKER = "203.0.113.7";

	private static final String SHOPPER = "198.51.100.9";

	@Test
	void theSixthAttemptFromAnAddressWithFiveFailuresIsRefusedEvenWithTheRightPassword() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);
		for (int i = 0; i < 5; i++) {
			assertThat(login(this.http, email, "wrong password " + i, "X-Forwarded-For", ATTACKER).status())
				.isEqualTo(401);
		}

		Response response = login(this.http, email, PASSWORD, "X-Forwarded-For", ATTACKER);

		assertThat(response.status()).as(response.body()).isEqualTo(429);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString())
			.isEqualTo("https://littlethreads.shop/problems/too-many-attempts");
		assertThat(response.header("Retry-After")).matches("[0-9]+");
		assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
		assertThat(response.body()).doesNotContain("accessToken");

		Response fromElsewhere = login(this.http, email, PASSWORD, "X-Forwarded-For", SHOPPER);
		assertThat(fromElsewhere.status()).as(fromElsewhere.body()).isEqualTo(200);
	}

	@Test
	void failuresFromOneAddressDoNotSlowAnother() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);
		for (int i = 0; i < 5; i++) {
			login(this.http, uniqueEmail(), "wrong password " + i, "X-Forwarded-For", "203.0.113.50");
		}

		assertThat(login(this.http, email, PASSWORD, "X-Forwarded-For", "203.0.113.51").status()).isEqualTo(200);
		assertThat(login(this.http, email, PASSWORD, "X-Forwarded-For", "203.0.113.50").status()).isEqualTo(429);
	}

}
