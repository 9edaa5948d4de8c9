package com.littlethreads.gateway.site;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.GatewayTest;

/**
 * With no site directory configured (the default) the gateway is an API gateway only.
 */
@GatewayTest
class SiteOffTests {

	@Autowired
	WebTestClient client;

	@Test
	void withoutASiteDirectoryTheRootIsAnApiNotFoundProblem() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
