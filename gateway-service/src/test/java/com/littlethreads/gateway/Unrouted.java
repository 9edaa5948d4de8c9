package com.littlethreads.gateway;

import com.github.tomakehurst.wiremock.junit.Stubbing;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;

/**
 * The check every route test makes for paths that must stay private: the gateway answers
 * 404 problem+json itself and the upstream never sees the request.
 */
final class Unrouted {

	private Unrouted() {
	}

	static void assertNeverProxied(WebTestClient client, Stubbing upstream, HttpMethod method, String path) {
		// Answers anything, so a leaked request would show as a 200.
		upstream.stubFor(any(anyUrl()).willReturn(ok("leaked")));

		client.method(method)
			.uri(path)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/not-found");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

}
