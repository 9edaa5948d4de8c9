package com.littlethreads.payment;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.platform.test.OpenApiDocuments;
import com.littlethreads.platform.test.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the storefront codes against.
 */
@PaymentServiceTest
class ApiDocsTests extends PaymentHttpTest {

	@Test
	void openApiDocumentDescribesCheckoutOrdersAndAdmin() {
		Response response = this.http.get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		JsonNode api = response.json();
		assertThat(api.get("openapi").asString()).startsWith("3.0");
		assertThat(api.get("info").get("description").asString()).contains("Idempotency-Key")
			.contains("X-Order-Token")
			.contains("problem+json");
		assertThat(api.get("paths").has("/api/checkout")).isTrue();
		assertThat(api.get("paths").has("/api/orders/{id}")).isTrue();
		assertThat(api.get("paths").has("/api/orders/{id}/cancel")).isTrue();
		assertThat(api.get("paths").has("/api/orders/admin/orders/{id}/refunds")).isTrue();
		assertThat(api.get("paths").has("/api/payments/stripe/webhook")).isTrue();
		assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("http://localhost:8080");
	}

	@Test
	void theDocumentFollowsTheRulesAndIsWrittenForTheLint() {
		// target/openapi/payments.json: tools/openapi-lint runs Spectral over it in
		// `verify`.
		JsonNode document = OpenApiDocuments.export(this.http, "payments");

		assertThat(document.at("/components/schemas/Problem/required").toString()).contains("\"type\"", "\"title\"",
				"\"status\"");
		// Open to guests; a shopper's token, when sent, places the order on their
		// account.
		assertThat(document.at("/paths/~1api~1checkout/post/security").toString()).isEqualTo("[{},{\"shopper\":[]}]");
		assertThat(document.at("/paths/~1api~1orders~1admin~1orders/get/security").toString())
			.isEqualTo("[{\"admin\":[]}]");
	}

}
