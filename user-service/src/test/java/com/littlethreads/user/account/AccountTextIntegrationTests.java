package com.littlethreads.user.account;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.Shoppers.Shopper;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.account.AddressJson.anAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and addresses are text a person reads on a label or a screen: never stored with
 * control characters, bidirectional overrides or line breaks, and never converted from a
 * value of another type.
 */
@UserServiceTest
class AccountTextIntegrationTests extends ServiceHttpTest {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	private static final String TEXT_RULE = "must not contain control characters or bidirectional formatting characters";

	@Test
	void displayNameWithABidiOverrideIsRefusedAndNotStored() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response response = shopper.call(this.http, "PATCH", "/api/users/me",
				Shoppers.json("displayName", "Ann \u202Eexe.txt"));

		JsonNode problem = assertProblem(response, "malformed-body");
		assertThat(problem.get("detail").asString()).isEqualTo("Field 'displayName' " + TEXT_RULE + ".");
		assertThat(shopper.profile(this.http).get("displayName").asString()).isEqualTo("Ann Example");
	}

	@Test
	void displayNameOnTwoLinesIsAValidationFailure() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response response = shopper.call(this.http, "PATCH", "/api/users/me",
				Shoppers.json("displayName", "Ann\nAdmin"));

		JsonNode problem = assertProblem(response, "validation-failed");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("displayName");
	}

	@Test
	void addressWithANulIsRefusedAndNotStored() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response response = shopper.call(this.http, "POST", "/api/users/me/addresses",
				anAddress("Ann").with("line1", "1 High\u0000 Street").build());

		JsonNode problem = assertProblem(response, "malformed-body");
		assertThat(problem.get("detail").asString()).isEqualTo("Field 'line1' " + TEXT_RULE + ".");
		assertThat(shopper.call(this.http, "GET", "/api/users/me/addresses", null).json()).isEmpty();
	}

	@Test
	void addressLineWithALineBreakIsAValidationFailure() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response response = shopper.call(this.http, "POST", "/api/users/me/addresses",
				anAddress("Ann").with("city", "York\r\nTo: someone else").build());

		JsonNode problem = assertProblem(response, "validation-failed");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("city");
	}

	@Test
	void registrationWithWronglyTypedOrUnknownFieldsIsRefused() {
		assertThat(register("""
				{"email": "%s", "displayName": 12345, "password": "%s"}""").json().get("detail").asString())
			.isEqualTo("Field 'displayName' must be a string.");
		assertThat(register("""
				{"email": "%s", "displayName": "Ann", "password": "%s", "marketingOptIn": "true"}""").json()
			.get("detail")
			.asString()).isEqualTo("Field 'marketingOptIn' must be true or false.");
		assertThat(register("""
				{"email": "%s", "displayName": "Ann", "password": "%s", "roles": ["ADMIN"]}""").json()
			.get("detail")
			.asString()).isEqualTo("Field 'roles' is not accepted here.");
	}

	private Response register(String template) {
		Response response = this.http.send("POST", "/api/auth/register",
				template.formatted(Shoppers.uniqueEmail(), Shoppers.PASSWORD), "Content-Type", "application/json");
		assertProblem(response, "malformed-body");
		return response;
	}

	private static JsonNode assertProblem(Response response, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + type);
		return problem;
	}

}
