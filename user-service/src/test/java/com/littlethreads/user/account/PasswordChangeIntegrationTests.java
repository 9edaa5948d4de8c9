package com.littlethreads.user.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.Shoppers.Shopper;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.account.ProfileIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing a password: the old one must be known, the new one must pass the policy, and
 * every session started with the old one ends.
 */
@UserServiceTest
class PasswordChangeIntegrationTests extends ServiceHttpTest {

	private static final String NEW_PASSWORD = "marmalade glacier otter";

	@Autowired
	UserRepository users;

	@Test
	void newPasswordSignsInAndTheOldOneNoLonger() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response changed = shopper.call(this.http, "PUT", "/api/users/me/password",
				"{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(Shoppers.PASSWORD, NEW_PASSWORD));

		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		assertThat(Shoppers.login(this.http, shopper.email(), NEW_PASSWORD).status()).isEqualTo(200);
		assertProblem(Shoppers.login(this.http, shopper.email(), Shoppers.PASSWORD), 401, "invalid-credentials");
	}

	@Test
	void changeEndsEverySessionStartedBefore() {
		Shopper shopper = Shoppers.newShopper(this.http);
		Shopper onAnotherDevice = Shoppers.signIn(this.http, shopper.email(), Shoppers.PASSWORD);

		shopper.call(this.http, "PUT", "/api/users/me/password",
				"{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(Shoppers.PASSWORD, NEW_PASSWORD));

		assertProblem(shopper.refresh(this.http), 401, "invalid-refresh-token");
		assertProblem(onAnotherDevice.refresh(this.http), 401, "invalid-refresh-token");
	}

	@Test
	void wrongCurrentPasswordIsAValidationProblemAndChangesNothing() {
		Shopper shopper = Shoppers.newShopper(this.http);
		String hashBefore = this.users.findById(shopper.id()).orElseThrow().getPasswordHash();

		Response refused = shopper.call(this.http, "PUT", "/api/users/me/password",
				"{\"currentPassword\": \"not my password at all\", \"newPassword\": \"%s\"}".formatted(NEW_PASSWORD));

		assertProblem(refused, 400, "validation-failed");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
		assertThat(this.users.findById(shopper.id()).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);
		assertThat(shopper.refresh(this.http).status()).isEqualTo(200);
	}

	@Test
	void weakNewPasswordIsRefusedNamingNewPassword() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response common = shopper.call(this.http, "PUT", "/api/users/me/password",
				"{\"currentPassword\": \"%s\", \"newPassword\": \"password1234\"}".formatted(Shoppers.PASSWORD));
		Response shortOne = shopper.call(this.http, "PUT", "/api/users/me/password",
				"{\"currentPassword\": \"%s\", \"newPassword\": \"short\"}".formatted(Shoppers.PASSWORD));

		assertProblem(common, 400, "validation-failed");
		assertThat(common.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
		assertProblem(shortOne, 400, "validation-failed");
		assertThat(shortOne.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
		assertThat(Shoppers.login(this.http, shopper.email(), Shoppers.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void missingFieldsAreValidationProblems() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response response = shopper.call(this.http, "PUT", "/api/users/me/password", "{}");

		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("currentPassword",
				"newPassword");
	}

}
