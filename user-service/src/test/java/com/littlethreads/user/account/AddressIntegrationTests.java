package com.littlethreads.user.account;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.platform.test.Concurrently;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.Shoppers.Shopper;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.account.AddressJson.anAddress;
import static com.littlethreads.user.account.ProfileIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper's shipping addresses over HTTP: validation, the single default, the limit,
 * ownership and concurrent changes.
 */
@UserServiceTest
class AddressIntegrationTests extends ServiceHttpTest {

	private static final String ADDRESSES = "/api/users/me/addresses";

	@Autowired
	UserRepository users;

	@Test
	void firstAddressIsTheDefaultAndCanBeReadBack() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response created = shopper.call(this.http, "POST", ADDRESSES,
				anAddress("Ann Example").with("line2", "Flat 2").with("phone", "+44 20 7946 0958").build());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.header("Location")).isEqualTo(ADDRESSES + "/" + id);
		assertThat(created.json().get("isDefault").asBoolean()).isTrue();
		JsonNode read = shopper.call(this.http, "GET", created.header("Location"), null).json();
		assertThat(read.get("name").asString()).isEqualTo("Ann Example");
		assertThat(read.get("line2").asString()).isEqualTo("Flat 2");
		assertThat(read.get("phone").asString()).isEqualTo("+442079460958");
		assertThat(read.get("country").asString()).isEqualTo("GB");
		assertThat(this.users.findById(shopper.id()).orElseThrow().getAddresses()).hasSize(1);
	}

	@Test
	void newDefaultReplacesTheOldOne() {
		Shopper shopper = Shoppers.newShopper(this.http);
		String home = add(shopper, anAddress("Home").build());
		String office = add(shopper, anAddress("Office").build());
		String grandma = add(shopper, anAddress("Grandma").with("default", true).build());

		assertThat(defaults(shopper)).containsExactly(grandma);
		Response moved = shopper.call(this.http, "PUT", ADDRESSES + "/" + office,
				anAddress("Office").asDefault().build());

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(defaults(shopper)).containsExactly(office);
		assertThat(list(shopper).get(0).get("id").asString()).isEqualTo(office);
		assertThat(home).isNotEqualTo(office);
	}

	@Test
	void defaultStaysTheDefaultWhenEditedWithoutTheFlag() {
		Shopper shopper = Shoppers.newShopper(this.http);
		String home = add(shopper, anAddress("Home").build());
		add(shopper, anAddress("Office").build());

		Response edited = shopper.call(this.http, "PUT", ADDRESSES + "/" + home,
				anAddress("Home, renamed").with("isDefault", false).build());

		assertThat(edited.json().get("name").asString()).isEqualTo("Home, renamed");
		assertThat(defaults(shopper)).containsExactly(home);
	}

	@Test
	void deletingTheDefaultMakesTheNewestRemainingOneDefault() {
		Shopper shopper = Shoppers.newShopper(this.http);
		String home = add(shopper, anAddress("Home").build());
		String office = add(shopper, anAddress("Office").build());
		String newest = add(shopper, anAddress("Holiday").build());
		assertThat(defaults(shopper)).containsExactly(home);

		Response deleted = shopper.call(this.http, "DELETE", ADDRESSES + "/" + home, null);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(defaults(shopper)).containsExactly(newest);
		assertThat(list(shopper)).extracting((address) -> address.get("id").asString())
			.containsExactlyInAnyOrder(office, newest);
		assertProblem(shopper.call(this.http, "GET", ADDRESSES + "/" + home, null), 404, "address-not-found");
	}

	@Test
	void eleventhAddressIsRefusedNamingTheLimit() {
		Shopper shopper = Shoppers.newShopper(this.http);
		for (int i = 1; i <= 10; i++) {
			add(shopper, anAddress("Address " + i).build());
		}

		Response eleventh = shopper.call(this.http, "POST", ADDRESSES, anAddress("One too many").build());

		assertProblem(eleventh, 409, "address-limit-reached");
		assertThat(eleventh.json().get("detail").asString()).contains("10");
		assertThat(eleventh.json().get("limit").asInt()).isEqualTo(10);
		assertThat(list(shopper)).hasSize(10);
	}

	@Test
	void invalidFieldsAreNamed() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response response = shopper.call(this.http, "POST", ADDRESSES,
				anAddress("").with("line1", "x".repeat(201))
					.with("city", null)
					.with("postalCode", "YO1#7HH")
					.with("country", "XX")
					.with("phone", "call me")
					.build());

		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "line1",
				"city", "postalCode", "country", "phone");
		assertThat(list(shopper)).isEmpty();
	}

	@Test
	void countryMustBeAKnownUpperCaseCode() {
		Shopper shopper = Shoppers.newShopper(this.http);

		assertProblem(shopper.call(this.http, "POST", ADDRESSES, anAddress("A").with("country", "gb").build()), 400,
				"validation-failed");
		assertProblem(shopper.call(this.http, "POST", ADDRESSES, anAddress("A").with("country", "GBR").build()), 400,
				"validation-failed");
		assertThat(shopper.call(this.http, "POST", ADDRESSES, anAddress("A").with("country", "FR").build()).status())
			.isEqualTo(201);
	}

	@Test
	void unknownFieldIsRefused() {
		Shopper shopper = Shoppers.newShopper(this.http);

		Response response = shopper.call(this.http, "POST", ADDRESSES, anAddress("A").with("id", "chosen").build());

		assertProblem(response, 400, "malformed-body");
		assertThat(list(shopper)).isEmpty();
	}

	@Test
	void unknownIdIsNotFound() {
		Shopper shopper = Shoppers.newShopper(this.http);

		assertProblem(shopper.call(this.http, "GET", ADDRESSES + "/no-such-address", null), 404, "address-not-found");
		assertProblem(shopper.call(this.http, "PUT", ADDRESSES + "/no-such-address", anAddress("A").build()), 404,
				"address-not-found");
		assertProblem(shopper.call(this.http, "DELETE", ADDRESSES + "/no-such-address", null), 404,
				"address-not-found");
	}

	@Test
	void anotherShoppersAddressIsNotFoundAndUntouched() {
		Shopper owner = Shoppers.newShopper(this.http);
		Shopper stranger = Shoppers.newShopper(this.http);
		String id = add(owner, anAddress("Owner").build());

		assertProblem(stranger.call(this.http, "GET", ADDRESSES + "/" + id, null), 404, "address-not-found");
		assertProblem(stranger.call(this.http, "PUT", ADDRESSES + "/" + id, anAddress("Hijacked").build()), 404,
				"address-not-found");
		assertProblem(stranger.call(this.http, "DELETE", ADDRESSES + "/" + id, null), 404, "address-not-found");

		assertThat(owner.call(this.http, "GET", ADDRESSES + "/" + id, null).json().get("name").asString())
			.isEqualTo("Owner");
		assertThat(list(stranger)).isEmpty();
	}

	@Test
	void addressesNeedAToken() {
		assertProblem(this.http.get(ADDRESSES), 401, "unauthorized");
	}

	@Test
	void concurrentAddsLoseNoUpdate() {
		Shopper shopper = Shoppers.newShopper(this.http);

		List<Response> responses = Concurrently.run(8,
				(i) -> shopper.call(this.http, "POST", ADDRESSES, anAddress("Parallel " + i).build()));

		int created = 0;
		for (Response response : responses) {
			if (response.status() == 201) {
				created++;
			}
			else {
				assertProblem(response, 409, "concurrent-modification");
			}
		}
		assertThat(created).isPositive();
		assertThat(list(shopper)).hasSize(created);
		assertThat(defaults(shopper)).hasSize(1);
	}

	private String add(Shopper shopper, String body) {
		Response created = shopper.call(this.http, "POST", ADDRESSES, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private List<JsonNode> list(Shopper shopper) {
		Response listed = shopper.call(this.http, "GET", ADDRESSES, null);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		List<JsonNode> addresses = new ArrayList<>();
		listed.json().forEach(addresses::add);
		return addresses;
	}

	private List<String> defaults(Shopper shopper) {
		return list(shopper).stream()
			.filter((address) -> address.get("isDefault").asBoolean())
			.map((address) -> address.get("id").asString())
			.toList();
	}

}
