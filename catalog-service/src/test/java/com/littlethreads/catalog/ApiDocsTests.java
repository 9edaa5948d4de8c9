package com.littlethreads.catalog;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.platform.test.OpenApiDocuments;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document frontend developers code against, and its Swagger UI.
 */
@CatalogServiceTest
class ApiDocsTests extends ServiceHttpTest {

	@Test
	void openApiDocumentDescribesTheListingContract() {
		Response response = this.http.get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		JsonNode api = response.json();
		assertThat(api.get("openapi").asString()).startsWith("3.0");
		assertThat(api.get("info").get("description").asString()).contains("facets")
			.contains("pageSize")
			.contains("problem+json");
		JsonNode list = api.get("paths").get("/api/catalog/products").get("get");
		assertThat(list.get("parameters").findValuesAsString("name")).contains("category", "gender", "size", "colour",
				"minPrice", "maxPrice", "inStock", "q", "sort", "page", "pageSize");
		assertThat(api.get("paths").has("/api/catalog/products/{slug}/availability")).isTrue();
		assertThat(api.get("paths").has("/api/catalog/admin/products")).isTrue();
		assertThat(api.get("paths").has("/api/catalog/variants")).isTrue();
		// Internal paths are never routed by the gateway the document's server names.
		assertThat(api.get("paths").propertyNames()).noneMatch((path) -> path.startsWith("/internal"));
		assertThat(api.get("info").get("description").asString()).contains("/internal/inventory");
		assertThat(api.get("components").get("securitySchemes").get("admin").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(api.at("/paths/~1api~1catalog~1admin~1products/post/security").toString())
			.isEqualTo("[{\"admin\":[]}]");
		assertThat(api.at("/paths/~1api~1catalog~1admin~1products/post/responses").has("201")).isTrue();
		assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("http://localhost:8080");
	}

	@Test
	void swaggerUiIsServed() {
		Response response = this.http.get("/swagger-ui/index.html");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("Swagger UI");
	}

	@Test
	void theDocumentFollowsTheRulesAndIsWrittenForTheLint() {
		// target/openapi/catalog.json: tools/openapi-lint runs Spectral over it in
		// `verify`.
		JsonNode document = OpenApiDocuments.export(this.http, "catalog");

		assertThat(document.at("/components/schemas/Problem/required").toString()).contains("\"type\"", "\"title\"",
				"\"status\"");
	}

}
