package com.littlethreads.catalog.product;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.catalog.SeedCatalog;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The variant lookup against the seed catalog: anonymous, active products only.
 */
@CatalogServiceTest
class VariantLookupIntegrationTests extends ServiceHttpTest {

	@Test
	void anonymousCallerGetsActiveVariantsAndNoInactiveOnes() {
		JsonNode active = SeedCatalog.active().get(0);
		JsonNode variant = SeedCatalog.variants(active).get(0);
		JsonNode inactive = SeedCatalog.all()
			.stream()
			.filter((product) -> !product.get("status").asString().equals("active"))
			.findFirst()
			.orElseThrow();
		String inactiveSku = SeedCatalog.variants(inactive).get(0).get("sku").asString();

		Response response = this.http.get("/api/catalog/variants?sku=" + variant.get("sku").asString() + "&sku="
				+ inactiveSku + "&sku=LT-NO-SUCH-SKU");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		JsonNode items = response.json().get("items");
		assertThat(items).hasSize(1);
		JsonNode item = items.get(0);
		assertThat(item.get("sku").asString()).isEqualTo(variant.get("sku").asString());
		assertThat(item.get("slug").asString()).isEqualTo(active.get("slug").asString());
		assertThat(item.get("name").asString()).isEqualTo(active.get("name").asString());
		assertThat(item.get("size").asString()).isEqualTo(variant.get("size").asString());
		assertThat(item.get("colour").asString()).isEqualTo(variant.get("colour").asString());
		assertThat(item.get("price").get("amount").asLong()).isEqualTo(active.get("price").get("amount").asLong());
		assertThat(item.get("available").asInt()).isEqualTo(variant.get("stock").asInt());
		assertThat(item.get("inStock").asBoolean()).isEqualTo(variant.get("stock").asInt() > 0);
	}

	@Test
	void tooManySkusIsAProblem() {
		StringBuilder query = new StringBuilder("/api/catalog/variants?sku=A");
		for (int i = 0; i < 50; i++) {
			query.append("&sku=S").append(i);
		}
		Response response = this.http.get(query.toString());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
