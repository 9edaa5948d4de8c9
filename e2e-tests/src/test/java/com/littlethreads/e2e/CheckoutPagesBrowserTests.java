package com.littlethreads.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built storefront's checkout, success and cancel pages against the payment API's
 * contract (contracts.md), stubbed at the HTTP level: the real pages and scripts, served
 * from static-site's output, talk to a small server that answers as payment-service and
 * the catalog's variants endpoint are specified to, and records what the pages sent.
 */
class CheckoutPagesBrowserTests extends StubbedSiteTest {

	private static final String CART = """
			[{"sku":"LT-0001-WHITE-2T","slug":"rainbow-stripe-tee","name":"Rainbow Stripe Tee","size":"2T",
			  "colour":"white","price":{"amount":1400,"currency":"GBP"},"quantity":2}]""";

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private volatile long livePrice = 1400;

	@Test
	void checkoutRechecksPricesThenPostsTheOrderWithAFreshKeyPerAttemptAndGoesToThePaymentPage() {
		withCart(CART);
		this.livePrice = 1500;
		this.browser.get(this.base + "/cart/");
		this.wait.until(ExpectedConditions.textToBe(By.id("cart-total"), "£28.00"));
		fill("email", "guest@example.com");
		fill("ship-name", "Gus Guest");
		fill("ship-line1", "2 High Street");
		fill("ship-city", "York");
		fill("ship-postcode", "YO1 7HH");

		pay();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
				"Rainbow Stripe Tee, size 2T, white now costs £15.00."));
		assertThat(this.browser.findElement(By.id("cart-total")).getText()).isEqualTo("£30.00");
		assertThat(recorded("POST", "/api/checkout")).as("nothing is ordered at a price the shopper did not see")
			.isEmpty();

		pay();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
				"Not enough stock. Only 1 left of LT-0001-WHITE-2T."));
		assertThat(this.browser.findElement(By.id("messages")).getText()).doesNotContain("{");

		pay();
		this.wait.until(ExpectedConditions.urlToBe(this.base + "/pay-here"));
		List<Recorded> checkouts = recorded("POST", "/api/checkout");
		assertThat(checkouts).hasSize(2);
		assertThat(checkouts.get(0).idempotencyKey()).matches("[0-9a-f-]{36}")
			.isNotEqualTo(checkouts.get(1).idempotencyKey());
		assertThat(checkouts.get(1).body()).contains("\"lines\":[{\"sku\":\"LT-0001-WHITE-2T\",\"quantity\":2}]")
			.contains("\"email\":\"guest@example.com\"")
			.contains("\"shippingAddress\":{\"name\":\"Gus Guest\",\"line1\":\"2 High Street\",\"line2\":null,"
					+ "\"city\":\"York\",\"postalCode\":\"YO1 7HH\",\"country\":\"GB\"}");
		assertThat(script("return localStorage.getItem('lt.orderToken.ord_1')")).isEqualTo("tok_guest");
		assertThat(recorded("GET", "/api/catalog/variants")).last()
			.satisfies((request) -> assertThat(request.query()).isEqualTo("sku=LT-0001-WHITE-2T"));
	}

	@Test
	void successPageSaysItIsWaitingPollsOnThroughAnUnavailableAnswerThenConfirmsThePaymentAndEmptiesTheCart() {
		withCart(CART);
		script("localStorage.setItem('lt.orderToken.ord_1', 'tok_guest')");

		this.browser.get(this.base + "/checkout/success/?order=ord_1");

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"),
				"We are waiting for the payment service to confirm your payment for order ord_1"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"),
				"Your payment is confirmed and order ord_1"));
		assertThat(this.browser.findElement(By.id("order-total")).getText()).isEqualTo("£28.00");
		assertThat(this.browser.findElement(By.id("cart-count")).getText()).isEqualTo("0");
		assertThat(this.browser.findElement(By.id("messages")).getText()).isEmpty();
		assertThat(recorded("GET", "/api/orders/ord_1")).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((request) -> assertThat(request.orderToken()).isEqualTo("tok_guest"));
	}

	@Test
	void cancelPageCancelsTheOrderAndSaysNothingWasCharged() {
		withCart(CART);
		script("localStorage.setItem('lt.orderToken.ord_2', 'tok_two')");

		this.browser.get(this.base + "/checkout/cancel/?order=ord_2");

		this.wait.until(ExpectedConditions.textToBe(By.id("order-status"),
				"Order ord_2 was cancelled and nothing was charged. Your cart is still here if you change your mind."));
		assertThat(recorded("POST", "/api/orders/ord_2/cancel")).singleElement()
			.satisfies((request) -> assertThat(request.orderToken()).isEqualTo("tok_two"));
		assertThat(this.browser.findElement(By.id("cart-count")).getText()).isEqualTo("2");
	}

	@Test
	void cancellingAPaidOrderShowsTheProblemInPlainWords() {
		this.browser.get(this.base + "/checkout/cancel/?order=ord_paid");

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
				"Order already paid. This order was paid, so it cannot be cancelled."));
	}

	private void withCart(String cart) {
		this.browser.get(this.base + "/404.html");
		script("localStorage.setItem('lt.cart', arguments[0])", cart.replaceAll("\\s+", " "));
	}

	private void fill(String id, String value) {
		this.browser.findElement(By.id(id)).clear();
		this.browser.findElement(By.id(id)).sendKeys(value);
	}

	private void pay() {
		this.browser.findElement(By.cssSelector("#checkout button[type='submit']")).click();
	}

	private List<Recorded> recorded(String method, String path) {
		return this.requests.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
	}

	@Override
	protected void answer(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.requests.add(new Recorded(method, path, exchange.getRequestURI().getRawQuery(), body,
				exchange.getRequestHeaders().getFirst("Idempotency-Key"),
				exchange.getRequestHeaders().getFirst("X-Order-Token")));
		int call = this.calls.computeIfAbsent(method + path, (key) -> new AtomicInteger()).incrementAndGet();
		if (path.equals("/api/catalog/variants")) {
			json(exchange, 200,
					"""
							{"items":[{"sku":"LT-0001-WHITE-2T","slug":"rainbow-stripe-tee","name":"Rainbow Stripe Tee",
							 "size":"2T","colour":"white","price":{"amount":%d,"currency":"GBP"},"available":9,"inStock":true}]}"""
						.formatted(this.livePrice));
		}
		else if (method.equals("POST") && path.equals("/api/checkout")) {
			if (call == 1) {
				problem(exchange, 409, "Not enough stock", "Only 1 left of LT-0001-WHITE-2T.");
			}
			else {
				json(exchange, 201, """
						{"orderId":"ord_1","checkoutUrl":"%s/pay-here","orderToken":"tok_guest"}"""
					.formatted(this.base));
			}
		}
		else if (path.equals("/api/orders/ord_1")) {
			if (call == 2) {
				// The gateway while an instance of payment-service is being replaced.
				problem(exchange, 503, "Service unavailable",
						"The service behind this address is not reachable right now. Try again shortly.");
			}
			else {
				json(exchange, 200, order("ord_1", (call == 1) ? "PENDING_PAYMENT" : "PAID"));
			}
		}
		else if (path.equals("/api/orders/ord_2/cancel")) {
			json(exchange, 200, order("ord_2", "CANCELLED"));
		}
		else if (path.equals("/api/orders/ord_paid/cancel")) {
			problem(exchange, 409, "Order already paid", "This order was paid, so it cannot be cancelled.");
		}
		else if (path.equals("/pay-here")) {
			send(exchange, 200, "text/html", "<!doctype html><title>Pay</title><p>payment page");
		}
		else {
			file(exchange, path);
		}
	}

	private static String order(String id, String status) {
		return """
				{"id":"%s","status":"%s","createdAt":"2026-11-26T10:00:00Z","email":"guest@example.com",
				 "lines":[{"sku":"LT-0001-WHITE-2T","name":"Rainbow Stripe Tee","size":"2T","colour":"white","quantity":2,
				 "unitPrice":{"amount":1400,"currency":"GBP"},"lineTotal":{"amount":2800,"currency":"GBP"}}],
				 "total":{"amount":2800,"currency":"GBP"},"shippingAddress":{},"paidAt":null}"""
			.formatted(id, status);
	}

	record Recorded(String method, String path, String query, String body, String idempotencyKey, String orderToken) {
	}

}
