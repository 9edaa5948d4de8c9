package com.littlethreads.user.account;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.Concurrently;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.Shoppers.Shopper;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.account.ProfileIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong current password on a password change is a password guess like a failed
 * sign-in, and counts against the same limits: per client address and per account.
 */
@Tag("slow") // a context of its own, throttles exhausted
@UserServiceTest
@TestPropertySource(properties = { "users.auth.failures-per-address=5", "users.auth.failures-per-account=20" })
class PasswordChangeThrottleTests extends ServiceHttpTest {

	private static final String NEW_PASSWORD = "marmalade glacier otter";

	@Autowired
	UserRepository users;

	@Test
	void afterFiveWrongCurrentPasswordsFromAnAddressEvenTheRightOneIsRefusedThere() {
		Shopper shopper = Shoppers.newShopper(this.http);
		String hashBefore = this.users.findById(shopper.id()).orElseThrow().getPasswordHash();
		for (int i = 0; i < 5; i++) {
			Response wrong = change(shopper, "not my password " + i, NEW_PASSWORD, "203.0.113.80");
			assertProblem(wrong, 400, "validation-failed");
			assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
		}

		Response refused = change(shopper, Shoppers.PASSWORD, NEW_PASSWORD, "203.0.113.80");

		assertTooManyAttempts(refused);
		assertThat(this.users.findById(shopper.id()).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);
		assertTooManyAttempts(
				Shoppers.login(this.http, shopper.email(), Shoppers.PASSWORD, "X-Forwarded-For", "203.0.113.80"));
		assertThat(change(shopper, Shoppers.PASSWORD, NEW_PASSWORD, "203.0.113.81").status()).isEqualTo(204);
	}

	@Test
	void aBurstOfWrongCurrentPasswordsHasOnlyTheAddressLimitChecked() {
		Shopper shopper = Shoppers.newShopper(this.http);

		List<Response> burst = Concurrently.run(30,
				(i) -> change(shopper, "not my password " + i, NEW_PASSWORD, "203.0.113.82"));

		assertThat(burst).extracting(Response::status).containsOnly(400, 429);
		assertThat(burst).filteredOn((response) -> response.status() == 400).hasSize(5);
		burst.stream()
			.filter((response) -> response.status() == 429)
			.forEach(PasswordChangeThrottleTests::assertTooManyAttempts);
	}

	@Test
	void failuresFromOtherAddressesBlockTheShopperOnlyOnceTheAccountLimitIsUsedUp() {
		Shopper shopper = Shoppers.newShopper(this.http);
		for (int address = 1; address <= 3; address++) {
			for (int i = 0; i < 5; i++) {
				Shoppers.login(this.http, shopper.email(), "guess " + i, "X-Forwarded-For", "198.51.100." + address);
			}
		}

		assertThat(change(shopper, Shoppers.PASSWORD, NEW_PASSWORD, "203.0.113.83").status()).isEqualTo(204);

		for (int i = 0; i < 5; i++) {
			Shoppers.login(this.http, shopper.email(), "guess " + i, "X-Forwarded-For", "198.51.100.4");
		}
		assertTooManyAttempts(change(shopper, NEW_PASSWORD, "another fine passphrase 9", "203.0.113.83"));
		assertThat(Shoppers.login(this.http, shopper.email(), NEW_PASSWORD, "X-Forwarded-For", "203.0.113.83").status())
			.isEqualTo(429);
	}

	private Response change(Shopper shopper, String current, String next, String address) {
		return this.http.send("PUT", "/api/users/me/password",
				"{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(current, next), "Authorization",
				"Bearer " + shopper.accessToken(), "Content-Type", "application/json", "X-Forwarded-For", address);
	}

	private static void assertTooManyAttempts(Response response) {
		assertProblem(response, 429, "too-many-attempts");
		assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
	}

}
