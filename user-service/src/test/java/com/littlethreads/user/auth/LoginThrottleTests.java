package com.littlethreads.user.auth;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.Concurrently;
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
 * X-Forwarded-For, without locking the shopper out from elsewhere. Each attempt takes its
 * token before the password is checked, so a burst of simultaneous guesses gets no more
 * checks than a patient attacker.
 */
@Tag("slow") // a context of its own, throttles exhausted
@UserServiceTest
@TestPropertySource(properties = { "users.auth.failures-per-address=5", "users.auth.failures-per-account=20" })
class LoginThrottleTests extends ServiceHttpTest {

	private static final String ATTACKER = "203.0.113.7";

	private static final String SHOPPER = "198.51.100.9";

	private static final String TOO_MANY_ATTEMPTS = "https://littlethreads.shop/problems/too-many-attempts";

	@Test
	void theSixthAttemptFromAnAddressWithFiveFailuresIsRefusedEvenWithTheRightPassword() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);
		for (int i = 0; i < 5; i++) {
			assertThat(login(this.http, email, "wrong password " + i, "X-Forwarded-For", ATTACKER).status())
				.isEqualTo(401);
		}

		Response response = login(this.http, email, PASSWORD, "X-Forwarded-For", ATTACKER);

		assertTooManyAttempts(response);
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

	@Test
	void aBurstOfWrongPasswordsFromOneAddressHasOnlyTheAddressLimitChecked() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);

		List<Response> burst = Concurrently.run(30,
				(i) -> login(this.http, email, "wrong password " + i, "X-Forwarded-For", "203.0.113.60"));

		assertThat(burst).extracting(Response::status).containsOnly(401, 429);
		assertThat(burst).filteredOn((response) -> response.status() == 401).hasSize(5);
		burst.stream()
			.filter((response) -> response.status() == 429)
			.forEach(LoginThrottleTests::assertTooManyAttempts);
		assertThat(login(this.http, email, PASSWORD, "X-Forwarded-For", "203.0.113.60").status()).isEqualTo(429);
		assertThat(login(this.http, email, PASSWORD, "X-Forwarded-For", "203.0.113.61").status()).isEqualTo(200);
	}

	@Test
	void aBurstAgainstOneAccountFromManyAddressesHasOnlyTheAccountLimitChecked() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);

		List<Response> burst = Concurrently.run(40,
				(i) -> login(this.http, email, "wrong password " + i, "X-Forwarded-For", "192.0.2." + (i + 1)));

		assertThat(burst).extracting(Response::status).containsOnly(401, 429);
		assertThat(burst).filteredOn((response) -> response.status() == 401).hasSize(20);
		burst.stream()
			.filter((response) -> response.status() == 429)
			.forEach(LoginThrottleTests::assertTooManyAttempts);
		assertTooManyAttempts(login(this.http, email, PASSWORD, "X-Forwarded-For", "192.0.2.200"));
	}

	@Test
	void aCorrectPasswordAfterAFewFailuresSignsInWithoutUsingUpTheLimit() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);
		String[] from = { "X-Forwarded-For", "203.0.113.70" };
		for (int i = 0; i < 3; i++) {
			assertThat(login(this.http, email, "wrong password " + i, from).status()).isEqualTo(401);
		}

		for (int i = 0; i < 5; i++) {
			Response signedIn = login(this.http, email, PASSWORD, from);
			assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		}

		// Two failures were left before the sign-ins, and are still left after them.
		assertThat(login(this.http, email, "wrong password 3", from).status()).isEqualTo(401);
		assertThat(login(this.http, email, "wrong password 4", from).status()).isEqualTo(401);
		assertTooManyAttempts(login(this.http, email, PASSWORD, from));
	}

	static void assertTooManyAttempts(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(429);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(TOO_MANY_ATTEMPTS);
		assertThat(response.header("Retry-After")).matches("[0-9]+");
		assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
	}

}
