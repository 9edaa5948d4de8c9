package com.littlethreads.platform.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies as every service reads them: strictly. Each refusal is a 400
 * {@code malformed-body} naming the field.
 */
@PlatformTest
class StrictBodyTests extends ServiceHttpTest {

	@Test
	void wellTypedBodyIsAccepted() {
		Response response = post("""
				{"email": "ann@example.com", "lines": [{"sku": "TEE-1", "quantity": 2, "pence": 1500}],
				 "gift": true, "wrapping": "RIBBON", "giftMessage": "Happy birthday,\\n\\tlove from Ann"}""");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("giftMessage").asString()).isEqualTo("Happy birthday,\n\tlove from Ann");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					number as a string        | {"lines": [{"sku": "A", "quantity": "2"}]}       | Field 'lines[0].quantity' must be a whole number.
					fraction for an integer   | {"lines": [{"sku": "A", "quantity": 1.5}]}       | Field 'lines[0].quantity' must be a whole number.
					exponent for an integer   | {"lines": [{"sku": "A", "quantity": 1e0}]}       | Field 'lines[0].quantity' must be a whole number.
					empty string for a number | {"lines": [{"sku": "A", "quantity": ""}]}        | Field 'lines[0].quantity' must be a whole number.
					number for a string       | {"email": 12345, "lines": [{"sku": "A", "quantity": 1}]}   | Field 'email' must be a string.
					fraction for a string     | {"email": 1.5, "lines": [{"sku": "A", "quantity": 1}]}     | Field 'email' must be a string.
					boolean for a string      | {"email": true, "lines": [{"sku": "A", "quantity": 1}]}    | Field 'email' must be a string.
					object for a string       | {"email": {"$ne": ""}, "lines": [{"sku": "A", "quantity": 1}]} | Field 'email' must be a string.
					string for a boolean      | {"gift": "true", "lines": [{"sku": "A", "quantity": 1}]}   | Field 'gift' must be true or false.
					number for a boolean      | {"gift": 1, "lines": [{"sku": "A", "quantity": 1}]}        | Field 'gift' must be true or false.
					number for an enum        | {"wrapping": 1, "lines": [{"sku": "A", "quantity": 1}]}    | Field 'wrapping' must be one of PLAIN, RIBBON.
					unknown enum value        | {"wrapping": "GOLD", "lines": [{"sku": "A", "quantity": 1}]} | Field 'wrapping' must be one of PLAIN, RIBBON.
					single value for a list   | {"lines": {"sku": "A", "quantity": 1}}           | Field 'lines' must be a list.
					""")
	void wrongTypeIsRefusedNotConverted(String what, String body, String detail) {
		assertMalformed(post(body), detail);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "*/*; charset=utf-8" })
	void wildcardContentTypeIsUnsupportedNotAFailure(String contentType) {
		Response response = this.http.send("POST", "/probe/orders", """
				{"lines": [{"sku": "A", "quantity": 1}]}""", "Content-Type", contentType);

		assertThat(response.status()).as(response.body()).isEqualTo(415);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString())
			.isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri().toString());
		assertThat(response.json().get("requestId").asString()).isNotBlank();
	}

	@Test
	void numberOutOfRangeIsNamed() {
		assertMalformed(post("""
				{"lines": [{"sku": "A", "quantity": 99999999999999999999}]}"""),
				"Field 'lines[0].quantity' is out of range.");
	}

	@Test
	void duplicateKeyIsRefused() {
		assertMalformed(post("""
				{"email": "ann@example.com", "email": "bob@example.com", "lines": [{"sku": "A", "quantity": 1}]}"""),
				"Field 'email' appears more than once.");
	}

	@Test
	void duplicateKeyInANestedObjectIsNamedByItsPath() {
		assertMalformed(post("""
				{"lines": [{"sku": "A", "quantity": 1}, {"sku": "B", "quantity": 1, "quantity": 9}]}"""),
				"Field 'lines[1].quantity' appears more than once.");
	}

	@Test
	void unknownFieldIsRefused() {
		assertMalformed(post("""
				{"lines": [{"sku": "A", "quantity": 1, "price": 0}]}"""),
				"Field 'lines[0].price' is not accepted here.");
		assertMalformed(post("""
				{"roles": ["ADMIN"], "lines": [{"sku": "A", "quantity": 1}]}"""),
				"Field 'roles' is not accepted here.");
	}

	@Test
	void trailingContentAfterTheBodyIsRefused() {
		Response response = post("""
				{"lines": [{"sku": "A", "quantity": 1}]} {"lines": []}""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(ProblemType.MALFORMED_BODY.uri().toString());
	}

	@ParameterizedTest(name = "U+{0}")
	@CsvSource({ "0000", "0001", "0008", "000B", "000C", "001B", "001F", "007F", "0080", "0085", "009F", "202A", "202E",
			"2066", "2069", "D800" })
	void controlAndBidiCharactersInTextAreRefused(String codeUnit) {
		Response response = post("""
				{"email": "ann@example.com", "giftMessage": "x\\u%s", "lines": [{"sku": "A", "quantity": 1}]}"""
			.formatted(codeUnit));

		assertMalformed(response,
				"Field 'giftMessage' must not contain control characters or bidirectional formatting characters.");
	}

	@Test
	void controlCharactersAreRefusedInNestedTextAndListsToo() {
		assertMalformed(post("""
				{"lines": [{"sku": "A\\u0000B", "quantity": 1}]}"""),
				"Field 'lines[0].sku' must not contain control characters or bidirectional formatting characters.");
		assertMalformed(post("""
				{"tags": ["fine", "\\u202Eevil"], "lines": [{"sku": "A", "quantity": 1}]}"""),
				"Field 'tags[1]' must not contain control characters or bidirectional formatting characters.");
	}

	@Test
	void emojiAndOtherScriptsAreText() {
		Response response = post("""
				{"giftMessage": "Für dich \\uD83E\\uDDF8 عيد سعيد", "lines": [{"sku": "A", "quantity": 1}]}""");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void lineBreakInASingleLineFieldIsAValidationFailure() {
		Response response = post("""
				{"email": "ann@example.com\\r\\nBcc: all@example.com", "tags": ["a\\tb"],
				 "lines": [{"sku": "A\\nB", "quantity": 1}]}""");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(ProblemType.VALIDATION_FAILED.uri().toString());
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "tags[0]",
				"lines[0].sku");
		assertThat(problem.get("errors").findValuesAsString("message"))
			.containsOnly("must be a single line, without line breaks or tabs");
	}

	private Response post(String body) {
		return this.http.send("POST", "/probe/orders", body, "Content-Type", "application/json");
	}

	private static void assertMalformed(Response response, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(ProblemType.MALFORMED_BODY.uri().toString());
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
		assertThat(problem.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
	}

}
