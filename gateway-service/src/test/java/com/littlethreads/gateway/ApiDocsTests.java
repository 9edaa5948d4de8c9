package com.littlethreads.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Swagger UI at the gateway lists every service's OpenAPI document, each fetched
 * through the gateway.
 */
class ApiDocsTests extends UpstreamGatewayTest {

	@Test
	void swaggerUiListsEveryServicesDocument() {
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].name")
			.value((names) -> assertThat(names.toString()).contains("catalog", "users", "payments"))
			.jsonPath("$.urls[?(@.name == 'catalog')].url")
			.isEqualTo("/openapi/catalog")
			.jsonPath("$.urls[?(@.name == 'users')].url")
			.isEqualTo("/openapi/users")
			.jsonPath("$.urls[?(@.name == 'payments')].url")
			.isEqualTo("/openapi/payments");
	}

	@Test
	void swaggerUiPageIsServed() {
		this.client.get()
			.uri("/webjars/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("swagger-ui"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "catalog", "users", "payments" })
	void serviceDocumentIsProxiedFromTheServicesApiDocs(String service) {
		String document = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "\"}}";
		upstream.stubFor(get(urlEqualTo("/v3/api-docs")).willReturn(okJson(document)));

		this.client.get()
			.uri("/openapi/" + service)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo(service);
		upstream.verify(getRequestedFor(urlEqualTo("/v3/api-docs")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/openapi/catalog/extra", "/openapi/catalog-internal", "/openapi" })
	void pathsBesideTheDocumentsStayUnrouted(String path) {
		Unrouted.assertNeverProxied(this.client, upstream, HttpMethod.GET, path);
	}

}
