package com.littlethreads.platform.problem;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class ProblemResponsesTests extends ServiceHttpTest {

	@Test
	void validationFailureListsOneEntryPerInvalidField() {
		Response response = this.http.send("POST", "/probe/items", """
				{"name": "", "quantity": 11, "note": "far too long"}""", "Content-Type", "application/json");

		JsonNode problem = assertProblem(response, 400, "validation-failed");
		assertThat(problem.get("errors")).hasSize(3);
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "quantity",
				"note");
		assertThat(problem.get("detail").asString()).contains("3 fields are invalid");
	}

	@Test
	void invalidRequestParameterIsAValidationProblem() {
		JsonNode problem = assertProblem(this.http.get("/probe/items?pageSize=1000"), 400, "validation-failed");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("pageSize");
	}

	@Test
	void malformedJsonIsABadRequestSayingWhere() {
		Response response = this.http.send("POST", "/probe/items", "{\"name\": \"x\",", "Content-Type",
				"application/json");

		JsonNode problem = assertProblem(response, 400, "malformed-body");
		assertThat(problem.get("detail").asString()).startsWith("The request body is not valid JSON");
	}

	@Test
	void wronglyTypedJsonFieldIsNamed() {
		Response response = this.http.send("POST", "/probe/items", """
				{"name": "socks", "quantity": "lots"}""", "Content-Type", "application/json");

		JsonNode problem = assertProblem(response, 400, "malformed-body");
		assertThat(problem.get("detail").asString()).isEqualTo("Field 'quantity' must be a whole number.");
	}

	@Test
	void missingBodyIsABadRequest() {
		JsonNode problem = assertProblem(this.http.send("POST", "/probe/items", "", "Content-Type", "application/json"),
				400, "malformed-body");
		assertThat(problem.get("detail").asString()).isEqualTo("A JSON request body is required.");
	}

	@Test
	void wronglyTypedPathVariableIsAnInvalidParameter() {
		JsonNode problem = assertProblem(this.http.get("/probe/items/abc"), 400, "invalid-parameter");
		assertThat(problem.get("detail").asString()).isEqualTo("Parameter 'id' must be a whole number.");
	}

	@Test
	void unknownPathIsNotFound() {
		assertProblem(this.http.get("/probe/nothing/here"), 404, "not-found");
	}

	@Test
	void unknownPathIsProblemJsonEvenForABrowser() {
		Response response = this.http.get("/probe/nothing/here", "Accept", "text/html");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void wrongMethodIsMethodNotAllowed() {
		Response response = this.http.send("DELETE", "/probe/items", null);

		assertProblem(response, 405, "method-not-allowed");
		assertThat(response.header("Allow")).contains("GET").contains("POST");
	}

	@Test
	void unsupportedMediaTypeIsReported() {
		assertProblem(this.http.send("POST", "/probe/items", "name=x", "Content-Type", "text/plain"), 415,
				"unsupported-media-type");
	}

	@Test
	void duplicateKeyIsAConflictNamingTheFieldButNotTheValue() {
		Response response = this.http.get("/probe/duplicate");

		JsonNode problem = assertProblem(response, 409, "duplicate");
		assertThat(problem.get("detail").asString()).contains("'slug'");
		assertThat(response.body()).doesNotContain("secret-value").doesNotContain("E11000");
	}

	@Test
	void optimisticLockFailureIsAConflict() {
		Response response = this.http.get("/probe/stale");

		assertProblem(response, 409, "concurrent-modification");
		assertThat(response.body()).doesNotContain("secret-value");
	}

	@Test
	void unexpectedErrorNamesTheRequestIdAndNothingInternal() {
		Response response = this.http.get("/probe/boom", "X-Request-Id", "trace-me-123");

		JsonNode problem = assertProblem(response, 500, "internal-error");
		assertThat(problem.get("requestId").asString()).isEqualTo("trace-me-123");
		assertThat(response.body()).doesNotContain("secret")
			.doesNotContain("IllegalStateException")
			.doesNotContain("com.example")
			.doesNotContain("trace\"");
	}

	@Test
	void failureOutsideSpringMvcIsStillAProblem() {
		Response response = this.http.get("/probe/filter-failure");

		JsonNode problem = assertProblem(response, 500, "internal-error");
		assertThat(problem.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
		assertThat(response.body()).doesNotContain("secret");
	}

	@Test
	void problemCarriesTypeTitleDetailInstanceAndRequestId() {
		Response response = this.http.get("/probe/items/abc");

		JsonNode problem = response.json();
		assertThat(problem.get("title").asString()).isEqualTo("Invalid request parameter");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("instance").asString()).isEqualTo("/probe/items/abc");
		assertThat(problem.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
	}

	static JsonNode assertProblem(Response response, int status, String typeSlug) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(ProblemType.BASE_URI + typeSlug);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("requestId").asString()).isNotBlank();
		return problem;
	}

}
