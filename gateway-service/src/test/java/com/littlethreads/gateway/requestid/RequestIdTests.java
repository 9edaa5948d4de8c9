package com.littlethreads.gateway.requestid;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.UpstreamGatewayTest;
import com.littlethreads.platform.core.requestid.RequestIds;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTests extends UpstreamGatewayTest {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@BeforeEach
	void categories() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/categories")).willReturn(okJson("[\"tops\"]")));
	}

	@Test
	void callersRequestIdReachesTheServiceAndComesBack() {
		this.client.get()
			.uri("/api/catalog/categories")
			.header(RequestIds.HEADER, "checkout-7f3a:2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(RequestIds.HEADER, "checkout-7f3a:2");

		assertThat(upstreamRequestIds()).containsExactly("checkout-7f3a:2");
	}

	@Test
	void missingRequestIdIsCreatedSentToTheServiceAndReturned() {
		String returned = returnedRequestId(this.client.get().uri("/api/catalog/categories").exchange());

		assertThat(returned).matches(UUID);
		assertThat(upstreamRequestIds()).containsExactly(returned);
	}

	@Test
	void unsafeRequestIdIsReplacedBeforeItReachesTheService() {
		String returned = returnedRequestId(this.client.get()
			.uri("/api/catalog/categories")
			.header(RequestIds.HEADER, "evil\" id <script>")
			.exchange());

		assertThat(returned).matches(UUID);
		assertThat(upstreamRequestIds()).containsExactly(returned);
	}

	@Test
	void overlongRequestIdIsReplaced() {
		String returned = returnedRequestId(
				this.client.get().uri("/api/catalog/categories").header(RequestIds.HEADER, "a".repeat(129)).exchange());

		assertThat(returned).matches(UUID);
	}

	@Test
	void serviceCannotChangeTheRequestIdTheCallerSees() {
		upstream.stubFor(get(urlEqualTo("/api/catalog/categories"))
			.willReturn(okJson("[\"tops\"]").withHeader(RequestIds.HEADER, "made-up-by-the-service")));

		this.client.get()
			.uri("/api/catalog/categories")
			.header(RequestIds.HEADER, "checkout-7f3a")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.values(RequestIds.HEADER, (ids) -> assertThat(ids).containsExactly("checkout-7f3a"));
	}

	@Test
	void gatewaysOwnAnswerCarriesTheRequestIdInHeaderAndBody() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult();
		String returned = result.getResponseHeaders().getFirst(RequestIds.HEADER);

		assertThat(returned).matches(UUID);
		assertThat(new String(result.getResponseBodyContent())).contains("\"requestId\":\"" + returned + "\"");
	}

	private static String returnedRequestId(WebTestClient.ResponseSpec response) {
		List<String> ids = response.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.get(RequestIds.HEADER);
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private static List<String> upstreamRequestIds() {
		List<LoggedRequest> requests = upstream.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0).getHeaders().getHeader(RequestIds.HEADER).values();
	}

}
