package com.littlethreads.user.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.platform.test.OpenApiDocuments;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account, address and admin endpoints appear in the OpenAPI document, each with a
 * summary and the token it needs (a shopper's, or an admin's for the admin API), so
 * frontend developers can find and call them.
 */
@UserServiceTest
class AccountApiDocsTests extends ServiceHttpTest {

	private static final Map<String, List<String>> OPERATIONS = Map.of("/api/users/me",
			List.of("get", "patch", "delete"), "/api/users/me/password", List.of("put"), "/api/users/me/addresses",
			List.of("get", "post"), "/api/users/me/addresses/{id}", List.of("get", "put", "delete"),
			"/api/users/admin/users", List.of("get"), "/api/users/admin/users/{id}/roles/{role}",
			List.of("put", "delete"));

	@Test
	void everyAccountOperationIsDocumentedAndNeedsABearerToken() {
		Response response = this.http.get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		JsonNode paths = response.json().get("paths");
		OPERATIONS.forEach((path, methods) -> {
			for (String method : methods) {
				JsonNode operation = paths.path(path).path(method);
				assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
				assertThat(operation.get("summary").asString()).as(method + " " + path).isNotBlank();
				assertThat(operation.get("security").toString()).as(method + " " + path)
					.isEqualTo(path.startsWith("/api/users/admin/") ? "[{\"admin\":[]}]" : "[{\"shopper\":[]}]");
			}
		});
		assertThat(paths.get("/api/users/me/password").get("put").get("description").asString())
			.contains("currentPassword");
	}

	@Test
	void theDocumentFollowsTheRulesAndIsWrittenForTheLint() {
		// target/openapi/users.json: tools/openapi-lint runs Spectral over it in
		// `verify`.
		JsonNode document = OpenApiDocuments.export(this.http, "users");

		assertThat(document.at("/components/schemas/Problem/required").toString()).contains("\"type\"", "\"title\"",
				"\"status\"");
	}

}
