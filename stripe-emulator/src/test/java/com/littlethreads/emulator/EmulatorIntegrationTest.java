package com.littlethreads.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

/**
 * The running emulator with stripe-java as its client and a WireMock webhook receiver.
 * Every test class shares one application context and one receiver; tests tell their
 * events apart by the ids of the objects they created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "emulator.webhook.secret=" + EmulatorIntegrationTest.WEBHOOK_SECRET,
				// Any sk_test_ key here, whatever STRIPE_SECRET_KEY says: StrictKeyTests
				// has one.
				"emulator.secret-key=", "emulator.public-url=http://emulator.test",
				"emulator.webhook.retry.initial-delay=50ms", "emulator.webhook.retry.max-attempts=4",
				"emulator.webhook.timeout=2s", "emulator.expiry-check-interval=100ms" })
@Import(EmulatorIntegrationTest.TestClock.class)
public abstract class EmulatorIntegrationTest {

	public static final String WEBHOOK_SECRET = "whsec_emulator_tests";

	public static final String SUCCESS_URL = "https://shop.test/checkout/success/?session={CHECKOUT_SESSION_ID}";

	public static final String CANCEL_URL = "https://shop.test/checkout/cancel/?order=ord_1";

	protected static final WireMockServer receiver = startReceiver();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@DynamicPropertySource
	static void webhookUrl(DynamicPropertyRegistry registry) {
		registry.add("emulator.webhook.url", () -> receiver.baseUrl() + "/webhook");
	}

	private static WireMockServer startReceiver() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		server.stubFor(post(urlEqualTo("/webhook")).atPriority(10).willReturn(aResponse().withStatus(200)));
		return server;
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	protected StripeClient stripe() {
		return stripe("sk_test_emulator");
	}

	protected StripeClient stripe(String apiKey) {
		return StripeClient.builder().setApiKey(apiKey).setApiBase(baseUrl()).setMaxNetworkRetries(0).build();
	}

	/**
	 * Two striped tees at £12.00 and one pair of dungarees at £24.00: £48.00.
	 */
	protected SessionCreateParams.Builder aSession() {
		return SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setSuccessUrl(SUCCESS_URL)
			.setCancelUrl(CANCEL_URL)
			.setClientReferenceId("ord_1")
			.setCustomerEmail("ada@example.com")
			.putMetadata("order_id", "ord_1")
			.setPaymentIntentData(
					SessionCreateParams.PaymentIntentData.builder().putMetadata("order_id", "ord_1").build())
			.addLineItem(line("Striped tee", 1200, 2))
			.addLineItem(line("Dungarees", 2400, 1));
	}

	protected static SessionCreateParams.LineItem line(String name, long unitAmount, long quantity) {
		return SessionCreateParams.LineItem.builder()
			.setQuantity(quantity)
			.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
				.setCurrency("gbp")
				.setUnitAmount(unitAmount)
				.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(name).build())
				.build())
			.build();
	}

	protected Session createSession() throws StripeException {
		return stripe().v1().checkout().sessions().create(aSession().build());
	}

	protected Session createSession(Consumer<SessionCreateParams.Builder> customizer) throws StripeException {
		SessionCreateParams.Builder builder = aSession();
		customizer.accept(builder);
		return stripe().v1().checkout().sessions().create(builder.build());
	}

	/**
	 * Submits the hosted page's form as a browser would.
	 */
	protected HttpResponse<String> submitCard(String sessionId, String cardNumber) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", "ada@example.com");
		form.put("card-number", cardNumber);
		form.put("card-expiry", "12 / 34");
		form.put("card-cvc", "123");
		form.put("cardholder-name", "Ada Lovelace");
		return submitForm(sessionId, form);
	}

	protected HttpResponse<String> submitForm(String sessionId, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/checkout/" + sessionId))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	protected HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
	}

	protected static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The webhook requests the receiver got about one object, oldest first.
	 */
	protected static List<LoggedRequest> webhookRequests(String type, String objectId) {
		return receiver.findAll(postRequestedFor(urlEqualTo("/webhook")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("\"type\":\"" + type + "\""))
			.filter((request) -> request.getBodyAsString().contains("\"id\":\"" + objectId + "\""))
			.toList();
	}

	/**
	 * Waits for the receiver to get an event about an object, and verifies its signature
	 * the way a Stripe integration does.
	 */
	protected static Event awaitEvent(String type, String objectId) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !webhookRequests(type, objectId).isEmpty());
		LoggedRequest request = webhookRequests(type, objectId).get(0);
		try {
			return Webhook.constructEvent(request.getBodyAsString(), request.getHeader("Stripe-Signature"),
					WEBHOOK_SECRET);
		}
		catch (SignatureVerificationException ex) {
			throw new AssertionError("Webhook signature did not verify", ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
