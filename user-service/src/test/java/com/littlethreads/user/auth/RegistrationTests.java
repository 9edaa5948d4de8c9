package com.littlethreads.user.auth;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;
import com.littlethreads.user.account.User;
import com.littlethreads.user.account.UserRepository;

import static com.littlethreads.user.Shoppers.PASSWORD;
import static com.littlethreads.user.Shoppers.register;
import static com.littlethreads.user.Shoppers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating an account over HTTP, and every password and email rule it enforces.
 */
@UserServiceTest
class RegistrationTests extends ServiceHttpTest {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Autowired
	UserRepository users;

	@Test
	void registrationCreatesACustomerWithTheNormalisedEmail() {
		String email = uniqueEmail();

		Response response = register(this.http, "  " + email.toUpperCase() + " ", PASSWORD);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.header("Location")).isEqualTo("/api/users/me");
		JsonNode profile = response.json();
		assertThat(profile.get("email").asString()).isEqualTo(email);
		assertThat(profile.get("displayName").asString()).isEqualTo("Ann Example");
		assertThat(profile.get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
		assertThat(profile.get("id").asString()).isNotBlank();
		assertThat(profile.has("passwordHash")).isFalse();
		assertThat(this.users.findByEmail(email)).get().extracting(User::getId).isEqualTo(profile.get("id").asString());
	}

	@Test
	void theSameEmailInAnotherCaseIsADuplicate() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);

		Response response = register(this.http, email.toUpperCase(), PASSWORD);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "duplicate");
		assertThat(this.users.findAll().stream().filter((user) -> user.getEmail().equals(email))).hasSize(1);
	}

	@Test
	void aPasswordShorterThanTwelveCharactersIsRefused() {
		assertPasswordRefused(uniqueEmail(), "Xq7#vL9!mPz", "at least 12");
	}

	@Test
	void aCommonPasswordIsRefused() {
		assertPasswordRefused(uniqueEmail(), "qwertyuiop123", "most common");
	}

	@Test
	void thePasswordMayNotBeTheEmail() {
		String email = uniqueEmail();
		assertPasswordRefused(email, email.toUpperCase(), "email");
	}

	@Test
	void aTooEasyPasswordIsRefused() {
		assertPasswordRefused(uniqueEmail(), "aaaaaaaaaaaa", "too easy");
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsRefused() {
		// A strong passphrase refused only for its length: bcrypt would ignore its end.
		String password = PASSWORD + " with seven more words for the marmalade cat nap";
		assertThat(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
		assertPasswordRefused(uniqueEmail(), password, "72 bytes");
	}

	@Test
	void anInvalidEmailIsRefused() {
		Response response = register(this.http, "not-an-email", PASSWORD);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(this.users.findByEmail("not-an-email")).isEmpty();
	}

	@Test
	void thePasswordIsStoredOnlyAsADelegatingBcryptHash() {
		String email = uniqueEmail();

		register(this.http, email, PASSWORD);

		String hash = this.users.findByEmail(email).orElseThrow().getPasswordHash();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
	}

	private void assertPasswordRefused(String email, String password, String reason) {
		Response response = register(this.http, email, password);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains(reason);
		assertThat(this.users.findByEmail(email.trim().toLowerCase())).isEmpty();
	}

}
