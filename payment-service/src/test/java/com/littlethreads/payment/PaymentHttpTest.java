package com.littlethreads.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.littlethreads.payment.order.Order;
import com.littlethreads.platform.test.MutableClock;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Base for whole-service tests: catalog-service, user-service and Stripe are stubbed at
 * the HTTP level on one WireMock server (their paths do not overlap), with a sellable
 * catalog, a token endpoint, reservations that succeed and a Stripe that opens sessions.
 * Each test starts from empty collections and a fresh clock.
 */
public abstract class PaymentHttpTest extends ServiceHttpTest {

	public static final String STRIPE_KEY = "sk_test_payment_service_tests";

	public static final String WEBHOOK_SECRET = "whsec_payment_service_tests";

	public static final String CLIENT_SECRET = "test-client-secret";

	protected static final String PROBLEMS = "https://littlethreads.shop/problems/";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final WireMockServer wiremock = startWireMock();

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected MutableClock clock;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("payment.catalog-uris", wiremock::baseUrl);
		registry.add("payment.user-uris", wiremock::baseUrl);
		registry.add("stripe.api-base", wiremock::baseUrl);
	}

	private static WireMockServer startWireMock() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	@BeforeEach
	void freshState() {
		wiremock.resetAll();
		this.clock.reset();
		for (String collection : List.of("orders", "checkout_attempts", "stripe_events", "stripe_event_cursor",
				"refund_ledgers")) {
			this.mongo.remove(new Query(), collection);
		}
		wiremock.stubFor(post("/oauth2/token").willReturn(okJson("""
				{"access_token": "service-token-1", "token_type": "Bearer", "expires_in": 300,
				 "scope": "inventory:reserve"}""")));
		stubVariants(variant("LT-TEE-RED-4T", "Rocket tee", "4T", "red", 1200),
				variant("LT-DRESS-BLUE-6", "Sunny dress", "6", "blue", 2500));
		wiremock.stubFor(post("/internal/inventory/reservations").willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":\"HELD\"}")));
		wiremock.stubFor(post(urlPathMatching("/internal/inventory/reservations/[^/]+/(commit|release)"))
			.willReturn(okJson("{\"status\":\"DONE\"}")));
		wiremock
			.stubFor(post("/v1/checkout/sessions").willReturn(okJson(session("cs_test_1", "open", "unpaid", null))));
	}

	protected static Map<String, Object> variant(String sku, String name, String size, String colour, long price) {
		return Map.of("sku", sku, "slug", name.toLowerCase().replace(' ', '-'), "name", name, "size", size, "colour",
				colour, "price", Map.of("amount", price, "currency", "GBP"), "available", 5, "inStock", true);
	}

	@SafeVarargs
	protected static void stubVariants(Map<String, Object>... variants) {
		wiremock.stubFor(get(urlPathEqualTo("/api/catalog/variants"))
			.willReturn(okJson(JSON.writeValueAsString(Map.of("items", List.of(variants))))));
	}

	/**
	 * A Checkout Session as Stripe returns it, for the 2 x 12.00 GBP that
	 * {@link #placeGuestOrder()} orders.
	 */
	protected static String session(String id, String status, String paymentStatus, String orderId) {
		return session(id, status, paymentStatus, orderId, 2400, "gbp");
	}

	/**
	 * A Checkout Session as Stripe returns it, for any amount.
	 */
	protected static String session(String id, String status, String paymentStatus, String orderId, long amountTotal,
			String currency) {
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("id", id);
		session.put("object", "checkout.session");
		session.put("url", "https://checkout.stripe.test/c/pay/" + id);
		session.put("status", status);
		session.put("payment_status", paymentStatus);
		session.put("payment_intent", "pi_" + id);
		session.put("amount_subtotal", amountTotal);
		session.put("amount_total", amountTotal);
		session.put("currency", currency);
		session.put("payment_method_types", List.of("card"));
		session.put("client_reference_id", (orderId != null) ? orderId : "");
		session.put("metadata", (orderId != null) ? Map.of("order_id", orderId) : Map.of());
		return JSON.writeValueAsString(session);
	}

	/**
	 * A Refund as Stripe returns it, of the payment {@link #session} names.
	 */
	protected static String refund(String id, long amount, String status, String paymentIntent, String failureReason) {
		Map<String, Object> refund = new LinkedHashMap<>();
		refund.put("id", id);
		refund.put("object", "refund");
		refund.put("amount", amount);
		refund.put("currency", "gbp");
		refund.put("charge", "ch_1");
		refund.put("payment_intent", paymentIntent);
		refund.put("status", status);
		refund.put("failure_reason", failureReason);
		refund.put("metadata", Map.of());
		return JSON.writeValueAsString(refund);
	}

	protected static String refund(String id, long amount, String status) {
		return refund(id, amount, status, "pi_cs_test_1", null);
	}

	/**
	 * A list of refunds as {@code GET /v1/refunds} returns it.
	 */
	protected static String refundList(String... refunds) {
		return "{\"object\": \"list\", \"url\": \"/v1/refunds\", \"has_more\": false, \"data\": ["
				+ String.join(",", refunds) + "]}";
	}

	protected static String guestCheckout(String... skuAndQuantity) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < skuAndQuantity.length; i += 2) {
			if (i > 0) {
				lines.append(',');
			}
			lines.append("{\"sku\":\"%s\",\"quantity\":%s}".formatted(skuAndQuantity[i], skuAndQuantity[i + 1]));
		}
		return """
				{"lines": [%s], "email": "ada@example.com",
				 "shippingAddress": {"name": "Ada Lovelace", "line1": "1 Analytical Row", "city": "London",
				                     "postalCode": "N1 1AA", "country": "GB"}}""".formatted(lines);
	}

	protected Response checkout(String body, String key, String... headers) {
		String[] all = new String[headers.length + 4];
		all[0] = "Content-Type";
		all[1] = "application/json";
		all[2] = "Idempotency-Key";
		all[3] = key;
		System.arraycopy(headers, 0, all, 4, headers.length);
		return this.http.send("POST", "/api/checkout", body, all);
	}

	/**
	 * Sends a request over a plain socket, writing each header value as its UTF-8 bytes
	 * as curl and browsers' fetch do; {@code java.net.http} would replace every character
	 * outside ASCII with {@code ?} and so never send one.
	 */
	protected Response sendRaw(String method, String path, String body, String... headers) {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(
				"%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n".formatted(method, path, content.length)
					.getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < headers.length; i += 2) {
			request.writeBytes((headers[i] + ": " + headers[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		request.writeBytes(content);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.toByteArray());
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int split = answer.indexOf("\r\n\r\n");
			String[] head = answer.substring(0, split).split("\r\n");
			Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				responseHeaders.computeIfAbsent(head[i].substring(0, colon), (name) -> new ArrayList<>())
					.add(head[i].substring(colon + 1).trim());
			}
			return new Response(Integer.parseInt(head[0].split(" ")[1]),
					HttpHeaders.of(responseHeaders, (name, value) -> true), answer.substring(split + 4));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A guest's pending order, placed through the API.
	 */
	protected Response placeGuestOrder() {
		Response response = checkout(guestCheckout("LT-TEE-RED-4T", "2"), UUID.randomUUID().toString());
		if (response.status() != 201) {
			throw new IllegalStateException("Checkout failed: " + response.body());
		}
		return response;
	}

	/**
	 * An order as staff see it in the admin list.
	 */
	protected tools.jackson.databind.JsonNode adminView(String orderId) {
		Response page = this.http.get("/api/orders/admin/orders?pageSize=100", "Authorization",
				"Bearer " + com.littlethreads.platform.test.TestJwts.token("staff-1", "ADMIN"));
		for (tools.jackson.databind.JsonNode item : page.json().get("items")) {
			if (item.get("id").asString().equals(orderId)) {
				return item;
			}
		}
		throw new IllegalStateException("No order " + orderId + " in " + page.body());
	}

	protected Order order(String id) {
		return this.mongo.findById(id, Order.class);
	}

	protected static String key() {
		return UUID.randomUUID().toString();
	}

	/**
	 * A Stripe event as Stripe would send it, for stripe-java's API version.
	 */
	protected static String event(String id, String type, String objectJson) {
		return event(id, type, objectJson, Stripe.API_VERSION);
	}

	protected static String event(String id, String type, String objectJson, String apiVersion) {
		return """
				{"id": "%s", "object": "event", "api_version": "%s", "created": 1764000000, "livemode": false,
				 "pending_webhooks": 1, "type": "%s", "data": {"object": %s}}""".formatted(id, apiVersion, type,
				objectJson);
	}

	protected String signature(String payload) {
		try {
			return Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET,
					this.clock.instant().getEpochSecond());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected Response deliver(String payload) {
		return this.http.send("POST", "/api/payments/stripe/webhook", payload, "Content-Type",
				"application/json; charset=utf-8", "Stripe-Signature", signature(payload));
	}

	protected static Duration minutes(long minutes) {
		return Duration.ofMinutes(minutes);
	}

}
