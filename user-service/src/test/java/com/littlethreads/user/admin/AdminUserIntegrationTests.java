package com.littlethreads.user.admin;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.Shoppers.Shopper;
import com.littlethreads.user.UserServiceTest;
import com.littlethreads.user.account.Role;
import com.littlethreads.user.account.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API with the admin the service created at startup from its settings.
 */
@UserServiceTest
@TestPropertySource(properties = { "users.admin.email=Boss@LittleThreads.test",
		"users.admin.password=" + AdminUserIntegrationTests.ADMIN_PASSWORD, "users.admin.display-name=The Boss" })
class AdminUserIntegrationTests extends ServiceHttpTest {

	static final String ADMIN_PASSWORD = "heather kestrel bonfire";

	private static final String ADMIN_EMAIL = "boss@littlethreads.test";

	private static final String USERS = "/api/users/admin/users";

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Autowired
	UserRepository users;

	@Test
	void bootstrappedAdminSignsInAndListsAccountsWithoutSecrets() {
		Shopper customer = Shoppers.newShopper(this.http);
		Shopper admin = admin();
		assertThat(Shoppers.roles(admin.accessToken())).containsExactlyInAnyOrder("ADMIN", "CUSTOMER");

		Response listed = admin.call(this.http, "GET", USERS + "?page=0&pageSize=100", null);

		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain("passwordHash").doesNotContain("$2a$").doesNotContain("{bcrypt}");
		JsonNode items = listed.json().get("items");
		assertThat(items.findValuesAsString("email")).contains(ADMIN_EMAIL, customer.email());
		JsonNode first = items.get(0);
		assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "email", "displayName", "roles", "createdAt");
		assertThat(listed.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(listed.json().get("pageSize").asInt()).isEqualTo(100);
	}

	@Test
	void pagesAreBounded() {
		Shopper admin = admin();
		Shoppers.newShopper(this.http);

		Response onePerPage = admin.call(this.http, "GET", USERS + "?page=1&pageSize=1", null);

		assertThat(onePerPage.json().get("items")).hasSize(1);
		assertProblem(admin.call(this.http, "GET", USERS + "?pageSize=101", null), 400, "validation-failed");
		assertProblem(admin.call(this.http, "GET", USERS + "?pageSize=0", null), 400, "validation-failed");
		assertProblem(admin.call(this.http, "GET", USERS + "?page=-1", null), 400, "validation-failed");
	}

	@Test
	void customerIsForbiddenAndAnonymousUnauthorized() {
		Shopper customer = Shoppers.newShopper(this.http);

		assertProblem(customer.call(this.http, "GET", USERS, null), 403, "forbidden");
		assertProblem(customer.call(this.http, "PUT", USERS + "/" + customer.id() + "/roles/ADMIN", null), 403,
				"forbidden");
		assertProblem(this.http.get(USERS), 401, "unauthorized");
		assertThat(this.users.findById(customer.id()).orElseThrow().getRoles()).containsExactly(Role.CUSTOMER);
	}

	@Test
	void grantShowsInTheNextTokenAndRevokeTakesItAway() {
		Shopper admin = admin();
		Shopper customer = Shoppers.newShopper(this.http);

		Response granted = admin.call(this.http, "PUT", USERS + "/" + customer.id() + "/roles/ADMIN", null);
		Response again = admin.call(this.http, "PUT", USERS + "/" + customer.id() + "/roles/ADMIN", null);

		assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		assertThat(granted.json().get("roles").toString()).isEqualTo("[\"CUSTOMER\",\"ADMIN\"]");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("roles").toString()).isEqualTo("[\"CUSTOMER\",\"ADMIN\"]");
		Shopper promoted = Shoppers.signIn(this.http, customer.email(), Shoppers.PASSWORD);
		assertThat(Shoppers.roles(promoted.accessToken())).containsExactlyInAnyOrder("CUSTOMER", "ADMIN");
		assertThat(promoted.call(this.http, "GET", USERS, null).status()).isEqualTo(200);

		Response revoked = admin.call(this.http, "DELETE", USERS + "/" + customer.id() + "/roles/ADMIN", null);

		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat(revoked.json().get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
		Shopper demoted = Shoppers.signIn(this.http, customer.email(), Shoppers.PASSWORD);
		assertThat(Shoppers.roles(demoted.accessToken())).containsExactly("CUSTOMER");
		assertProblem(demoted.call(this.http, "GET", USERS, null), 403, "forbidden");
	}

	@Test
	void adminCannotRevokeTheirOwnAdminRole() {
		Shopper admin = admin();
		String adminId = this.users.findByEmail(ADMIN_EMAIL).orElseThrow().getId();

		Response refused = admin.call(this.http, "DELETE", USERS + "/" + adminId + "/roles/ADMIN", null);

		assertProblem(refused, 409, "cannot-revoke-own-admin");
		assertThat(this.users.findById(adminId).orElseThrow().getRoles()).contains(Role.ADMIN);
	}

	@Test
	void unknownUserOrRoleIsAProblem() {
		Shopper admin = admin();
		Shopper customer = Shoppers.newShopper(this.http);

		assertProblem(admin.call(this.http, "GET", USERS + "/no-such-user", null), 404, "user-not-found");
		assertThat(admin.call(this.http, "GET", USERS + "/" + customer.id(), null).json().get("email").asString())
			.isEqualTo(customer.email());
		assertProblem(admin.call(this.http, "PUT", USERS + "/no-such-user/roles/ADMIN", null), 404, "user-not-found");
		assertProblem(admin.call(this.http, "DELETE", USERS + "/no-such-user/roles/ADMIN", null), 404,
				"user-not-found");
		assertProblem(admin.call(this.http, "PUT", USERS + "/" + customer.id() + "/roles/ROOT", null), 400,
				"invalid-parameter");
	}

	@Test
	void startupCreatedExactlyOneAdminWithTheConfiguredName() {
		assertThat(this.users.findAll().stream().filter((user) -> user.getEmail().equals(ADMIN_EMAIL))).hasSize(1);
		assertThat(this.users.findByEmail(ADMIN_EMAIL).orElseThrow().getDisplayName()).isEqualTo("The Boss");
	}

	private Shopper admin() {
		return Shoppers.signIn(this.http, ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	private static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + type);
	}

}
