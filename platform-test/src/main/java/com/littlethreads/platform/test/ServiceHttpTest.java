package com.littlethreads.platform.test;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that call a service running on a random port over real HTTP: it trusts
 * {@link TestJwts}' tokens and gives each test a {@link TestHttp} client for that port,
 * which checks every exchange against the service's own OpenAPI document
 * ({@link ApiDocument}).
 */
public abstract class ServiceHttpTest {

	@LocalServerPort
	protected int port;

	protected TestHttp http;

	@DynamicPropertySource
	static void trustTestTokens(DynamicPropertyRegistry registry) {
		TestJwts.register(registry);
	}

	@BeforeEach
	void httpClient() {
		this.http = TestHttp.checkedAgainstItsDocument(this.port);
	}

}
