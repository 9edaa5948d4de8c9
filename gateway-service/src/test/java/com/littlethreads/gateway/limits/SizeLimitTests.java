package com.littlethreads.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.created;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SizeLimitTests extends UpstreamGatewayTest {

	private static final String PRODUCTS = "/api/catalog/admin/products";

	@Test
	void bodyOverTheLimitIsRefusedWith413AndNeverProxied() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		this.client.post()
			.uri(PRODUCTS)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(bytes(2 * 1024 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/payload-too-large")
			.jsonPath("$.status")
			.isEqualTo(413);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void chunkedBodyOverTheLimitIsRefusedWith413() {
		upstream.stubFor(any(anyUrl()).willReturn(created()));

		// No Content-Length: the size is only known by counting.
		this.client.post()
			.uri(PRODUCTS)
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(chunks(32, 64 * 1024)))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/payload-too-large");
		upstream.verify(0, postRequestedFor(urlEqualTo(PRODUCTS)));
	}

	@Test
	void chunkedBodyUnderTheLimitIsProxiedWhole() {
		upstream.stubFor(post(urlEqualTo(PRODUCTS)).willReturn(created()));

		this.client.post()
			.uri(PRODUCTS)
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(chunks(8, 64 * 1024)))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(upstream.findAll(postRequestedFor(urlEqualTo(PRODUCTS)))).singleElement()
			.satisfies((request) -> assertThat(request.getBody()).hasSize(8 * 64 * 1024));
	}

	@Test
	void headersOverTheLimitAreRefusedWith431ProblemAndNeverProxied() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Request-Id", "trace-431")
			.header("X-Padding", "a".repeat(20 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(431)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Request-Id", "trace-431")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/request-header-fields-too-large")
			.jsonPath("$.status")
			.isEqualTo(431)
			.jsonPath("$.requestId")
			.isEqualTo("trace-431");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void manySmallHeadersCountTogether() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		this.client.get().uri("/api/catalog/products").headers((headers) -> {
			for (int i = 0; i < 40; i++) {
				headers.add("X-Padding-" + i, "a".repeat(500));
			}
		}).exchange().expectStatus().isEqualTo(431).expectBody().jsonPath("$.status").isEqualTo(431);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void headersUnderTheLimitAreProxied() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("proxied")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Padding", "a".repeat(12 * 1024))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("proxied");
	}

	@Test
	void headersOverNettysCeilingAreStillRefusedWith431() {
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		this.client.get()
			.uri("/api/catalog/products")
			.header("X-Padding", "a".repeat(80 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(431);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	private static byte[] bytes(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'a');
		return body;
	}

	private static Flux<DataBuffer> chunks(int count, int size) {
		return Flux.range(0, count)
			.map((i) -> DefaultDataBufferFactory.sharedInstance
				.wrap("a".repeat(size).getBytes(StandardCharsets.UTF_8)));
	}

}
