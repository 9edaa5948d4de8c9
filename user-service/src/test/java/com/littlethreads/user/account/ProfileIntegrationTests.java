package com.littlethreads.user.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.Shoppers.Shopper;
import com.littlethreads.user.UserServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper changes their own profile, and only the parts that are theirs to change.
 */
@UserServiceTest
class ProfileIntegrationTests extends ServiceHttpTest {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Autowired
	UserRepository users;

	@Test
	void patchChangesDisplayNameAndMarketingChoiceOnly() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response patched = shopper.call(this.http, "PATCH", "/api/users/me",
				"{\"displayName\": \"  Ann Other \", \"marketingOptIn\": true}");

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("displayName").asString()).isEqualTo("Ann Other");
		User stored = this.users.findById(shopper.id()).orElseThrow();
		assertThat(stored.getDisplayName()).isEqualTo("Ann Other");
		assertThat(stored.isMarketingOptIn()).isTrue();
		assertThat(stored.getEmail()).isEqualTo(shopper.email());
	}

	@Test
	void absentFieldsAreLeftAsTheyAre() {
		Shopper shopper = Shoppers.newShopper(this.http);
		shopper.call(this.http, "PATCH", "/api/users/me", "{\"marketingOptIn\": true}");

		Response patched = shopper.call(this.http, "PATCH", "/api/users/me", "{\"displayName\": \"Bea\"}");

		assertThat(patched.json().get("marketingOptIn").asBoolean()).isTrue();
		assertThat(patched.json().get("displayName").asString()).isEqualTo("Bea");
	}

	@Test
	void patchCarryingRolesIsRefusedAndGrantsNothing() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response patched = shopper.call(this.http, "PATCH", "/api/users/me",
				"{\"displayName\": \"Sneaky\", \"roles\": [\"ADMIN\"]}");

		assertProblem(patched, 400, "malformed-body");
		assertThat(patched.json().get("detail").asString()).contains("'roles'");
		User stored = this.users.findById(shopper.id()).orElseThrow();
		assertThat(stored.getRoles()).containsExactly(Role.CUSTOMER);
		assertThat(stored.getDisplayName()).isEqualTo("Ann Example");
		Shopper again = Shoppers.signIn(this.http, shopper.email(), Shoppers.PASSWORD);
		assertThat(Shoppers.roles(again.accessToken())).containsExactly("CUSTOMER");
	}

	@Test
	void patchCarryingEmailIsRefusedAndKeepsTheEmail() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response patched = shopper.call(this.http, "PATCH", "/api/users/me",
				"{\"email\": \"someone-else@example.com\"}");

		assertProblem(patched, 400, "malformed-body");
		assertThat(patched.json().get("detail").asString()).contains("'email'");
		assertThat(this.users.findById(shopper.id()).orElseThrow().getEmail()).isEqualTo(shopper.email());
	}

	@Test
	void patchCarryingIdOrAnUnknownFieldIsRefused() {
		Shopper shopper = Shoppers.newShopper(this.http);

		assertProblem(shopper.call(this.http, "PATCH", "/api/users/me", "{\"id\": \"other\"}"), 400, "malformed-body");
		assertProblem(shopper.call(this.http, "PATCH", "/api/users/me", "{\"passwordHash\": \"x\"}"), 400,
				"malformed-body");
	}

	@Test
	void blankOrLongDisplayNameIsAValidationProblem() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response blank = shopper.call(this.http, "PATCH", "/api/users/me", "{\"displayName\": \"   \"}");
		Response tooLong = shopper.call(this.http, "PATCH", "/api/users/me",
				"{\"displayName\": \"%s\"}".formatted("x".repeat(81)));

		assertProblem(blank, 400, "validation-failed");
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
		assertProblem(tooLong, 400, "validation-failed");
		assertThat(this.users.findById(shopper.id()).orElseThrow().getDisplayName()).isEqualTo("Ann Example");
	}

	@Test
	void patchWithoutATokenIsUnauthorized() {
		Response response = this.http.send("PATCH", "/api/users/me", "{\"displayName\": \"Nobody\"}", "Content-Type",
				"application/json");

		assertProblem(response, 401, "unauthorized");
	}

	static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + type);
	}

}
