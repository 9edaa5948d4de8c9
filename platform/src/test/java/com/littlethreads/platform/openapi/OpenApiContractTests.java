package com.littlethreads.platform.openapi;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform makes every service's document say, derived from what the platform
 * and the security rules do.
 */
@PlatformTest
@TestPropertySource(properties = "springdoc.api-docs.enabled=true")
class OpenApiContractTests extends ServiceHttpTest {

	@Test
	void eachOperationNamesTheTokenItsSecurityRuleAsksFor() {
		JsonNode paths = document().get("paths");

		assertThat(paths.at("/~1probe~1items/get/security").toString()).isEqualTo("[{}]");
		assertThat(paths.at("/~1probe~1me/get/security").toString()).isEqualTo("[{\"shopper\":[]}]");
		assertThat(paths.at("/~1probe~1admin~1area/get/security").toString()).isEqualTo("[{\"admin\":[]}]");
		assertThat(document().at("/components/securitySchemes").propertyNames()).containsExactly("shopper", "admin",
				"service");
	}

	@Test
	void errorsAreProblemsWithTheStatusesThePlatformAnswers() {
		JsonNode paths = document().get("paths");

		JsonNode admin = paths.at("/~1probe~1admin~1area/get/responses");
		assertThat(admin.propertyNames()).contains("200", "400", "401", "403", "406", "429", "500")
			.doesNotContain("404", "413", "415", "409");
		assertThat(admin.at("/401/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		JsonNode create = paths.at("/~1probe~1items/post/responses");
		assertThat(create.propertyNames()).contains("400", "401", "409", "413", "415", "429", "500")
			.doesNotContain("403");
		assertThat(paths.at("/~1probe~1items~1{id}/get/responses").propertyNames()).contains("404");
		assertThat(admin.at("/429/headers").propertyNames()).contains("Retry-After", "RateLimit-Limit",
				"RateLimit-Remaining", "RateLimit-Reset");
	}

	@Test
	void noAnswerIsOfAnyMediaType() {
		assertThat(document().toString()).doesNotContain("*/*");
	}

	@Test
	void parametersHaveTheLimitsThePlatformEnforces() {
		JsonNode tag = document().at("/paths/~1probe~1tags~1{tag}/get/parameters/0/schema");

		assertThat(tag.get("maxLength").asInt()).isEqualTo(1000);
		// Unchecked: the probe answers a bare map, which its document cannot describe.
		TestHttp unchecked = new TestHttp(this.port);
		assertThat(unchecked.get("/probe/tags/" + "a".repeat(1001)).status()).isEqualTo(400);
		assertThat(unchecked.get("/probe/tags/" + "a".repeat(1000)).status()).isEqualTo(200);
		assertThat(unchecked.get("/probe/search?q=" + "a".repeat(1001)).status()).isEqualTo(400);
	}

	@Test
	void patternsAreAnchoredAsBeanValidationMatchesThem() {
		// @Pattern(regexp = "[a-z]+(-[a-z]+)*") on the item's colour: the whole value.
		assertThat(document().at("/components/schemas/ItemRequest/properties/colour/pattern").asString())
			.isEqualTo("^(?:[a-z]+(-[a-z]+)*)$");
	}

	@Test
	void fieldsRefusedWhenBlankHaveAMinimumLength() {
		JsonNode item = document().at("/components/schemas/ItemRequest/properties");

		// @NotBlank on the name, and on each of the labels: at least one character.
		assertThat(item.at("/name/minLength").asInt()).isEqualTo(1);
		assertThat(item.at("/labels/items/minLength").asInt()).isEqualTo(1);
		// A note may be empty: no minimum, rather than a misleading minLength: 0.
		assertThat(item.get("note").has("minLength")).isFalse();
		assertThat(item.get("labels").has("minLength")).isFalse();
	}

	private JsonNode document() {
		return this.http.get("/v3/api-docs").json();
	}

}
