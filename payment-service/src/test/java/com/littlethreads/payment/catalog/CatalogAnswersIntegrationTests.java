package com.littlethreads.payment.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What this service reads from catalog-service and user-service stays lenient while its
 * own request bodies are strict: an answer with fields this service does not know (a
 * newer catalog, a richer token response) is still read.
 */
@PaymentServiceTest
class CatalogAnswersIntegrationTests extends PaymentHttpTest {

	@Autowired
	CatalogClient catalog;

	@Test
	void variantsAnswerWithFieldsThisServiceDoesNotKnowIsRead() {
		wiremock.stubFor(get(urlPathEqualTo("/api/catalog/variants")).willReturn(okJson("""
				{"items": [{"sku": "LT-TEE-RED-4T", "name": "Rocket tee", "size": "4T", "colour": "red",
				            "price": {"amount": 1200, "currency": "GBP", "taxIncluded": true},
				            "images": [{"url": "/img/tee.png"}], "available": 5, "badge": "new"}],
				 "page": 0, "generatedAt": "2026-12-05T00:00:00Z"}""")));

		Map<String, CatalogClient.CatalogVariant> variants = this.catalog.variants(List.of("LT-TEE-RED-4T")).bySku();

		assertThat(variants.get("LT-TEE-RED-4T").price().amount()).isEqualTo(1200);
		assertThat(variants.get("LT-TEE-RED-4T").name()).isEqualTo("Rocket tee");
	}

	@Test
	void tokenAnswerWithFieldsThisServiceDoesNotKnowIsRead() {
		wiremock.stubFor(post("/oauth2/token").willReturn(okJson("""
				{"access_token": "service-token-9", "token_type": "Bearer", "expires_in": 300,
				 "scope": "inventory:reserve", "issued_token_type": "urn:ietf:params:oauth:token-type:jwt"}""")));
		// Past any token an earlier test left: this call fetches a new one.
		this.clock.advance(Duration.ofHours(1));

		this.catalog.commit("ord_1");

		wiremock.verify(postRequestedFor(urlEqualTo("/internal/inventory/reservations/ord_1/commit"))
			.withHeader("Authorization", equalTo("Bearer service-token-9")));
	}

}
