package com.littlethreads.user.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.Shoppers.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * payment-service is declared as a client in application.yml, with its secret from
 * {@code PAYMENT_CLIENT_SECRET} and the scope {@code inventory:reserve}; without the
 * variable it is disabled, and user-service still starts.
 */
class PaymentServiceClientTests {

	private static Response token(TestHttp http, String secret) {
		String credentials = Base64.getEncoder()
			.encodeToString(("payment-service:" + secret).getBytes(StandardCharsets.UTF_8));
		return http.send("POST", "/oauth2/token", "grant_type=client_credentials", "Content-Type",
				"application/x-www-form-urlencoded", "Authorization", "Basic " + credentials, "X-Forwarded-For",
				"203.0.113.77");
	}

	@Nested
	@UserServiceTest
	@TestPropertySource(properties = "PAYMENT_CLIENT_SECRET=test-only-payment-secret-51c2")
	class WithTheSecretInTheEnvironment extends ServiceHttpTest {

		@Test
		void paymentServiceGetsATokenForInventoryReservations() {
			Response response = token(this.http, "test-only-payment-secret-51c2");

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.json().get("scope").asString()).isEqualTo("inventory:reserve");
			String token = response.json().get("access_token").asString();
			assertThat(jwtClaims(token).get("sub").asString()).isEqualTo("payment-service");
			assertThat(jwtClaims(token).get("scope").asString()).isEqualTo("inventory:reserve");
		}

	}

	@Nested
	@UserServiceTest
	@DisabledIfEnvironmentVariable(named = "PAYMENT_CLIENT_SECRET", matches = ".+")
	class WithoutTheSecret extends ServiceHttpTest {

		@Test
		void paymentServiceIsDisabledAndAnEmptySecretGetsNoToken() {
			Response response = token(this.http, "");

			assertThat(response.status()).as(response.body()).isEqualTo(401);
			assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
			assertThat(response.body()).doesNotContain("access_token");
		}

	}

}
