package com.littlethreads.catalog.product;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static com.littlethreads.catalog.product.ProductJson.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product text ends up on every shopper's screen: it is never stored with control
 * characters or bidirectional overrides, a name is one line, and a value of another type
 * is refused rather than converted. Nothing here is stored, so no other test sees it.
 */
@CatalogServiceTest
class ProductTextIntegrationTests extends ServiceHttpTest {

	private static final String ADMIN_PRODUCTS = "/api/catalog/admin/products";

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Test
	void productNameWithANulIsRefusedAndNotStored() {
		Response response = admin("POST", ADMIN_PRODUCTS,
				aProduct("nul-name-tee").with("name", "Rocket\u0000 tee")
					.withVariant("LT-9101-RED-4T", "4T", "red", 5)
					.build());

		JsonNode problem = assertProblem(response, "malformed-body");
		assertThat(problem.get("detail").asString())
			.isEqualTo("Field 'name' must not contain control characters or bidirectional formatting characters.");
		assertThat(admin("GET", ADMIN_PRODUCTS + "/nul-name-tee", null).status()).isEqualTo(404);
	}

	@Test
	void descriptionWithABidiOverrideIsRefusedButLineBreaksAreKeptForLater() {
		Response response = admin("POST", ADMIN_PRODUCTS,
				aProduct("bidi-tee").with("description", "Soft cotton.\n\nMachine wash \u202Ecold")
					.withVariant("LT-9102-RED-4T", "4T", "red", 5)
					.build());

		assertThat(assertProblem(response, "malformed-body").get("detail").asString())
			.startsWith("Field 'description'");
	}

	@Test
	void productNameOnTwoLinesIsAValidationFailure() {
		Response response = admin("POST", ADMIN_PRODUCTS,
				aProduct("two-line-tee").with("name", "Rocket tee\nSALE")
					.withVariant("LT-9103-RED-4T", "4T", "red", 5)
					.build());

		JsonNode problem = assertProblem(response, "validation-failed");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
	}

	@Test
	void numberForANameIsRefusedNotConverted() {
		Response response = admin("POST", ADMIN_PRODUCTS,
				aProduct("number-name-tee").with("name", 12345).withVariant("LT-9104-RED-4T", "4T", "red", 5).build());

		assertThat(assertProblem(response, "malformed-body").get("detail").asString())
			.isEqualTo("Field 'name' must be a string.");
	}

	@Test
	void restockQuantityAsAStringOrAFractionIsRefusedNotConverted() {
		String restock = ADMIN_PRODUCTS + "/any-product/variants/LT-0000/restock";

		assertThat(assertProblem(admin("POST", restock, "{\"quantity\": \"2\"}"), "malformed-body").get("detail")
			.asString()).isEqualTo("Field 'quantity' must be a whole number.");
		assertThat(
				assertProblem(admin("POST", restock, "{\"quantity\": 1.5}"), "malformed-body").get("detail").asString())
			.isEqualTo("Field 'quantity' must be a whole number.");
	}

	private Response admin(String method, String path, String body) {
		String token = TestJwts.token("admin-1", "ADMIN");
		return (body != null) ? this.http.send(method, path, body, "Content-Type", "application/json", "Authorization",
				"Bearer " + token) : this.http.send(method, path, null, "Authorization", "Bearer " + token);
	}

	private static JsonNode assertProblem(Response response, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + type);
		return problem;
	}

}
