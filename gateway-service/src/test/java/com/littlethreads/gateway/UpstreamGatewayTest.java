package com.littlethreads.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Base for gateway tests that need the services behind it: one WireMock server stands in
 * for every service.
 * <p>
 * The server is started once per test JVM and never restarted, so its port stays the one
 * every Spring context built from it was given; test classes with the same configuration
 * therefore share one context. Stubs and recorded requests are cleared before each test.
 * (A per-class {@code WireMockExtension} would stop its server after the class, and a
 * cached context would then point at a dead port.)
 */
@GatewayTest
public abstract class UpstreamGatewayTest {

	/**
	 * Every service. Jetty's gzip is off: it would rewrite ETags to "...--gzip", and
	 * these tests are about what the gateway does to a response.
	 */
	protected static final WireMockServer upstream = startUpstream();

	@Autowired
	protected WebTestClient client;

	@DynamicPropertySource
	static void everyServiceIsTheUpstream(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.routes.catalog-uris", upstream::baseUrl);
		registry.add("littlethreads.routes.user-uris", upstream::baseUrl);
		registry.add("littlethreads.routes.payment-uris", upstream::baseUrl);
	}

	@BeforeEach
	void resetUpstream() {
		upstream.resetAll();
	}

	private static WireMockServer startUpstream() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

}
