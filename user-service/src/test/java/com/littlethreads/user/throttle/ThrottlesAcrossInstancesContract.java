package com.littlethreads.user.throttle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.Concurrently;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserApplication;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.Shoppers.PASSWORD;
import static com.littlethreads.user.Shoppers.login;
import static com.littlethreads.user.Shoppers.register;
import static com.littlethreads.user.Shoppers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two user-service instances on one store, as behind the gateway: an attacker who spreads
 * guesses over both gets the limits of one, however the guesses are interleaved or raced.
 * Run on the embedded store and on MongoDB.
 */
@Tag("slow") // two instances on one store
@UserServiceTest
@TestPropertySource(properties = { "users.auth.failures-per-address=5", "users.auth.failures-per-account=20",
		"users.clients.payment-service.secret=" + ThrottlesAcrossInstancesContract.CLIENT_SECRET })
abstract class ThrottlesAcrossInstancesContract extends ServiceHttpTest {

	static final String CLIENT_SECRET = "test-only-secret-c41e9b";

	/**
	 * The store this test's instance uses, for the second one.
	 * @return its connection string
	 */
	protected abstract String storeUri();

	private ConfigurableApplicationContext secondInstance;

	private TestHttp second;

	@BeforeEach
	void secondInstanceOnTheSameStore() {
		this.secondInstance = new SpringApplicationBuilder(UserApplication.class).run("--server.port=0",
				"--spring.mongodb.uri=" + storeUri(), "--users.auth.secure-cookie=false",
				"--users.auth.failures-per-address=5", "--users.auth.failures-per-account=20",
				"--users.clients.payment-service.secret=" + CLIENT_SECRET);
		this.second = new TestHttp(
				Integer.parseInt(this.secondInstance.getEnvironment().getProperty("local.server.port")));
	}

	@AfterEach
	void stopSecondInstance() {
		this.secondInstance.close();
	}

	@Test
	void wrongPasswordsRacedAtTwoInstancesHaveOneAddressLimitChecked() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);

		List<Response> burst = Concurrently.run(30, (i) -> login((i % 2 == 0) ? this.http : this.second, email,
				"wrong password " + i, "X-Forwarded-For", "203.0.113.70"));

		assertThat(burst).extracting(Response::status).containsOnly(401, 429);
		assertThat(burst).filteredOn((response) -> response.status() == 401).hasSize(5);
		assertThat(login(this.second, email, PASSWORD, "X-Forwarded-For", "203.0.113.70").status()).isEqualTo(429);
		assertThat(login(this.http, email, PASSWORD, "X-Forwarded-For", "203.0.113.70").status()).isEqualTo(429);
		assertThat(login(this.second, email, PASSWORD, "X-Forwarded-For", "203.0.113.71").status()).isEqualTo(200);
	}

	@Test
	void aRightPasswordAtOneInstanceGivesItsAttemptBackForTheOther() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);
		for (int i = 0; i < 4; i++) {
			assertThat(login(this.http, email, "wrong password " + i, "X-Forwarded-For", "203.0.113.72").status())
				.isEqualTo(401);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(login(this.second, email, PASSWORD, "X-Forwarded-For", "203.0.113.72").status()).isEqualTo(200);
		}

		assertThat(login(this.http, email, "wrong password 4", "X-Forwarded-For", "203.0.113.72").status())
			.isEqualTo(401);
		assertThat(login(this.second, email, "wrong password 5", "X-Forwarded-For", "203.0.113.72").status())
			.isEqualTo(429);
	}

	@Test
	void failedClientAuthenticationsAtTwoInstancesShareOneAddressLimit() {
		for (int i = 0; i < 5; i++) {
			TestHttp instance = (i % 2 == 0) ? this.http : this.second;
			assertThat(token(instance, "not-the-secret-" + i).status()).isEqualTo(401);
		}

		Response sixth = token(this.second, CLIENT_SECRET);

		assertThat(sixth.status()).as(sixth.body()).isEqualTo(429);
		assertThat(sixth.header("Retry-After")).isNotBlank();
		assertThat(token(this.http, CLIENT_SECRET).status()).isEqualTo(429);
	}

	private static Response token(TestHttp instance, String secret) {
		String basic = Base64.getEncoder()
			.encodeToString(("payment-service:" + secret).getBytes(StandardCharsets.UTF_8));
		return instance.send("POST", "/oauth2/token", "grant_type=client_credentials", "Content-Type",
				"application/x-www-form-urlencoded", "Authorization", "Basic " + basic, "X-Forwarded-For",
				"203.0.113.73");
	}

}
