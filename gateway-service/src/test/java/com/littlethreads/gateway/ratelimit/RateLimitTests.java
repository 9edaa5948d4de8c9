package com.littlethreads.gateway.ratelimit;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.platform.test.TestJwts;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Token buckets cut small: 5 requests per client, refilled at one every 2 s, and stricter
 * buckets of 2 (sign-in, checkout) and 1 (registration) per minute. Each test calls from
 * its own address: the test client on loopback plays a load balancer (a trusted proxy
 * here), so its X-Forwarded-For names the client, and the tests do not share buckets.
 */
@Tag("slow") // waits for a bucket to refill
@TestPropertySource(properties = { "littlethreads.trusted-proxies=127.0.0.1/32,::1/128",
		"littlethreads.rate-limits.client.capacity=5", "littlethreads.rate-limits.client.period=10s",
		"littlethreads.rate-limits.sign-in.capacity=2", "littlethreads.rate-limits.checkout.capacity=2",
		"littlethreads.rate-limits.registration.capacity=1" })
class RateLimitTests extends UpstreamGatewayTest {

	@DynamicPropertySource
	static void tokensOfTheTestIssuer(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.rate-limits.jwks-uri", TestJwts::jwksUri);
		registry.add("littlethreads.rate-limits.issuer", () -> TestJwts.ISSUER);
		registry.add("littlethreads.rate-limits.audience", () -> TestJwts.AUDIENCE);
	}

	@Autowired
	MeterRegistry registry;

	@LocalServerPort
	int port;

	@BeforeEach
	void upstreamAnswersEverything() {
		upstream.stubFor(any(anyUrl()).willReturn(okJson("{}")));
	}

	@Test
	void burstOverTheLimitIsRefusedWith429AndRetryAfterUntilTheBucketRefills() {
		get("/api/catalog/products", "203.0.113.1", null).expectHeader()
			.valueEquals("RateLimit-Limit", "5")
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "4")
			.expectHeader()
			// One token used, one back every 2 s: full again within 2 s.
			.valueMatches("RateLimit-Reset", "[12]");
		int allowed = 1 + exhaust("203.0.113.1", null);

		get("/api/catalog/products", "203.0.113.1", null).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			// Whole seconds until the next token (one every 2 s here), rounded up.
			.valueMatches("Retry-After", "[12]")
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "0")
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://littlethreads.shop/problems/too-many-requests")
			.jsonPath("$.status")
			.isEqualTo(429);
		// The refused requests never reached the service.
		upstream.verify(allowed, getRequestedFor(urlEqualTo("/api/catalog/products")));

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> get("/api/catalog/products", "203.0.113.1", null).expectStatus().isOk());
	}

	@Test
	void eachAddressHasItsOwnBucket() {
		exhaust("203.0.113.2", null);

		get("/api/catalog/products", "203.0.113.3", null).expectStatus().isOk();
	}

	@Test
	void addressesAClientWroteLeftOfTheProxysEntryDoNotChooseTheBucket() {
		exhaust("203.0.113.11", null);

		// The proxy appended the address it saw; whatever the client put before it is
		// ignored, so a made-up first entry is no fresh bucket.
		get("/api/catalog/products", "6.6.6.6, 203.0.113.11", null).expectStatus().isEqualTo(429);
		get("/api/catalog/products", "7.7.7.7, 203.0.113.11", null).expectStatus().isEqualTo(429);
		get("/api/catalog/products", "203.0.113.12", null).expectStatus().isOk();
	}

	@Test
	void eachRefusalIsCountedByTheBucketThatRanOutAndTheRoute() {
		double before = refusals("sign-in", "users");
		login("198.51.100.141").expectStatus().isOk();
		login("198.51.100.141").expectStatus().isOk();

		login("198.51.100.141").expectStatus().isEqualTo(429);
		login("198.51.100.141").expectStatus().isEqualTo(429);

		assertThat(refusals("sign-in", "users") - before).isEqualTo(2);
	}

	private double refusals(String limit, String route) {
		Counter counter = this.registry.find("gateway.rate.limit.refusals")
			.tag("limit", limit)
			.tag("route", route)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@ParameterizedTest
	@CsvSource({ "/api/auth/login, 2, /%61pi/auth/login, 203.0.113.21",
			"/api/auth/login, 2, /api/%61uth/l%6Fgin, 203.0.113.22",
			"/api/auth/login, 2, /%61%70%69/%61%75%74%68/%6c%6f%67%69%6e, 203.0.113.23",
			"/api/auth/login, 2, /api/auth/login/, 203.0.113.24",
			"/api/auth/register, 1, /%61pi/auth/register, 203.0.113.31",
			"/api/auth/register, 1, /api/auth/%72egister, 203.0.113.32",
			"/api/auth/register, 1, /api/auth/register/, 203.0.113.33",
			"/api/checkout, 2, /%61pi/checkout, 203.0.113.41", "/api/checkout, 2, /api/%63heckout, 203.0.113.42",
			"/api/checkout, 2, /api/checkout/, 203.0.113.43" })
	void anEncodedPathDrawsFromTheSameStricterBucketAsThePlainOne(String plain, int capacity, String variant,
			String address) {
		for (int i = 0; i < capacity; i++) {
			post((i % 2 == 0) ? plain : variant, address, null).expectStatus().isOk();
		}

		post(plain, address, null).expectStatus().isEqualTo(429);
		post(variant, address, null).expectStatus().isEqualTo(429);
		if (!variant.endsWith("/")) {
			// What is proxied is the normalised path.
			upstream.verify(capacity, postRequestedFor(urlEqualTo(plain)));
		}
	}

	@ParameterizedTest
	@CsvSource({ "/api/auth/login, 2, 203.0.113.4", "/api/auth/register, 1, 203.0.113.5",
			"/api/checkout, 2, 203.0.113.6" })
	void signInRegistrationAndCheckoutHaveStricterBucketsThanTheRestOfTheApi(String path, int capacity,
			String address) {
		for (int i = 0; i < capacity; i++) {
			post(path, address, null).expectStatus().isOk();
		}
		post(path, address, null).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");

		get("/api/catalog/products", address, null).expectStatus().isOk();
	}

	@Test
	void signedInUserHasOneBucketWhateverTheAddress() {
		String token = TestJwts.token("user-ada");
		exhaust("203.0.113.7", token);

		get("/api/catalog/products", "203.0.113.8", token).expectStatus().isEqualTo(429);
		// Another shopper behind the first address is not affected.
		get("/api/catalog/products", "203.0.113.7", null).expectStatus().isOk();
	}

	@Test
	void tokenThatDoesNotVerifyIsNotAKeySoMadeUpUsersCannotDodgeTheLimit() {
		for (int i = 0; i < 5; i++) {
			get("/api/catalog/products", "203.0.113.9",
					TestJwts.builder().subject("made-up-" + i).signedByStranger().sign())
				.expectStatus()
				.isOk();
		}

		get("/api/catalog/products", "203.0.113.9", TestJwts.builder().subject("made-up-6").signedByStranger().sign())
			.expectStatus()
			.isEqualTo(429);
	}

	@Test
	void stripeWebhookIsNeverLimited() {
		for (int i = 0; i < 12; i++) {
			post("/api/payments/stripe/webhook", "203.0.113.10", null).expectStatus().isOk();
		}
	}

	/**
	 * Calls until the first 429. On a loaded machine a token may come back during the
	 * burst, so the count is at least the capacity rather than exactly it.
	 * @return how many calls were allowed
	 */
	private int exhaust(String address, String token) {
		int allowed = 0;
		while (get("/api/catalog/products", address, token).returnResult(String.class).getStatus().value() == 200) {
			allowed++;
			assertThat(allowed).as("requests allowed before the first 429").isLessThan(20);
		}
		assertThat(allowed).isGreaterThanOrEqualTo(4);
		return allowed;
	}

	private WebTestClient.ResponseSpec get(String path, String address, String token) {
		return this.client.get().uri(path).headers((headers) -> {
			headers.set("X-Forwarded-For", address);
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchange();
	}

	private WebTestClient.ResponseSpec post(String path, String address, String token) {
		// As written: a URI template would encode the % of an encoded variant again.
		return this.client.post().uri(URI.create("http://localhost:" + this.port + path)).headers((headers) -> {
			headers.set("X-Forwarded-For", address);
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
	}

	private WebTestClient.ResponseSpec login(String address) {
		return post("/api/auth/login", address, null);
	}

}
