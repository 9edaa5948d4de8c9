package com.littlethreads.catalog.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text filters reach a database regex; control characters never get that far. Blank
 * filter values, as a form's empty "any" option sends them, filter nothing.
 */
@CatalogServiceTest
class SearchTextIntegrationTests extends ServiceHttpTest {

	@ParameterizedTest
	@ValueSource(strings = { "q=a%00b", "q=%00", "q=shirt%0D%0A", "q=a%E2%80%AEb", "colour=navy%00" })
	void controlCharacterInATextFilterIsAnInvalidParameterNotAFailure(String query) {
		Response response = this.http.get("/api/catalog/products?" + query);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://littlethreads.shop/problems/invalid-parameter");
		assertThat(problem.get("errors").get(0).get("field").asString())
			.isEqualTo(query.substring(0, query.indexOf('=')));
		assertThat(problem.get("requestId").asString()).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "category=+++", "gender=", "size=%20&size=", "category=%20,%20" })
	void blankFilterValuesMeanNoFilter(String query) {
		Response filtered = this.http.get("/api/catalog/products?" + query);
		Response everything = this.http.get("/api/catalog/products");

		assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
		assertThat(filtered.json().get("total").asLong()).isEqualTo(everything.json().get("total").asLong());
	}

}
