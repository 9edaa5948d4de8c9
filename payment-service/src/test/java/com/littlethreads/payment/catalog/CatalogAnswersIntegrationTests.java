package com.littlethreads.payment.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What this service reads from catalog-service stays lenient while its own request bodies
 * are strict: an answer with fields this service does not know (a newer catalog) is still
 * read. The token answer's leniency is in {@link CatalogClientTests}.
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

}
