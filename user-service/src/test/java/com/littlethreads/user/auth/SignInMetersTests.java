package com.littlethreads.user.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

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
		assertThat(value(after, "shop_registrations_total", "") - value(before, "shop_registrations_total", ""))
			.isEqualTo(1);
		assertThat(delta(before, after, "succeeded")).isEqualTo(1);
		assertThat(delta(before, after, "failed")).isEqualTo(2);
		assertThat(delta(before, after, "throttled")).isEqualTo(1);
	}

	private static double delta(String before, String after, String outcome) {
		String labels = "outcome=\"" + outcome + "\"";
		return value(after, "shop_sign_ins_total", labels) - value(before, "shop_sign_ins_total", labels);
	}

	/**
	 * A series' value (0 when absent), the {@code application} tag every series carries
	 * left out.
	 */
	private static double value(String scrape, String name, String labels) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
			.matcher(scrape);
		while (matcher.find()) {
			if (matcher.group(1).replaceAll("application=\"[^\"]*\",?", "").replaceAll(",$", "").equals(labels)) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return 0;
	}

}
