package com.littlethreads.user.auth;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.Scrapes;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.Shoppers.PASSWORD;
import static com.littlethreads.user.Shoppers.login;
import static com.littlethreads.user.Shoppers.register;
import static com.littlethreads.user.Shoppers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads at {@code /actuator/prometheus} about sign-ins and
 * registrations. The context is shared, so each test compares the scrape before and
 * after.
 */
@UserServiceTest
@TestPropertySource(properties = { "users.auth.failures-per-address=2", "users.auth.failures-per-account=20" })
class SignInMetersTests extends ServiceHttpTest {

	@Test
	void registrationsAndEachSignInOutcomeAreCounted() {
		String before = this.http.get("/actuator/prometheus").body();
		String email = uniqueEmail();

		register(this.http, email, PASSWORD);
		assertThat(login(this.http, email, PASSWORD, "X-Forwarded-For", "198.51.100.20").status()).isEqualTo(200);
		for (int i = 0; i < 2; i++) {
			assertThat(login(this.http, email, "wrong password " + i, "X-Forwarded-For", "203.0.113.20").status())
				.isEqualTo(401);
		}
		assertThat(login(this.http, email, PASSWORD, "X-Forwarded-For", "203.0.113.20").status()).isEqualTo(429);

		String after = this.http.get("/actuator/prometheus").body();
		assertThat(Scrapes.delta(before, after, "shop_registrations_total")).isEqualTo(1);
		assertThat(delta(before, after, "succeeded")).isEqualTo(1);
		assertThat(delta(before, after, "failed")).isEqualTo(2);
		assertThat(delta(before, after, "throttled")).isEqualTo(1);
	}

	private static double delta(String before, String after, String outcome) {
		return Scrapes.delta(before, after, "shop_sign_ins_total{outcome=\"" + outcome + "\"}");
	}

}
