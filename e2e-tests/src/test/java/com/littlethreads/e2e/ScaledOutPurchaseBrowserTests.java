package com.littlethreads.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import com.littlethreads.e2e.ShopClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop as {@code INSTANCES=2 ./run.sh} starts it: two instances of user-, catalog-
 * and payment-service behind the gateway, on stores of their own. A shopper buys in
 * headless Chromium while the first instance of every service is killed ({@code kill -9})
 * between opening the payment page and paying. The purchase completes, no read made
 * meanwhile fails, the payment is taken once and the stock drops by exactly what was
 * bought; and the work the dead instances had started is finished by the others: the hold
 * of a checkout they made is released when its session expires, and Stripe's events about
 * both checkouts are delivered and applied.
 */
class ScaledOutPurchaseBrowserTests extends BrowserTest {

	private static final String PRODUCT = "rainbow-stripe-tee";

	private static final String PASSWORD = "saffron kettle meadow 44";

	private static final int PORT_STEP = 7;

	private static final List<String> FIRST_INSTANCES = List.of("user-service", "catalog-service", "payment-service");

	private static RunningShop shop;

	private static String storefront;

	private final ShopClient api = new ShopClient();

	private final ShopperSteps steps = new ShopperSteps(this);

	@BeforeAll
	static void startTwoInstancesOfEveryService() throws Exception {
		Path work = Files.createTempDirectory("little-threads-e2e-two-instances");
		shop = RunningShop.start(work, RunningShop.Ports.freeForTwoInstances(PORT_STEP),
				Map.of("INSTANCES", "2", "LT_INSTANCE_PORT_STEP", String.valueOf(PORT_STEP),
						"RATE_LIMIT_CLIENT_CAPACITY", "100000", "RATE_LIMIT_CHECKOUT_CAPACITY", "1000",
						"RATE_LIMIT_SIGN_IN_CAPACITY", "1000", "RATE_LIMIT_REGISTRATION_CAPACITY", "1000"));
		shop.awaitReady();
		storefront = "http://localhost:" + shop.ports().gateway();
	}

	@AfterAll
	static void stopShop() throws Exception {
		if (shop != null) {
			shop.close();
		}
	}

	@Test
	void purchaseCompletesWhileOneInstanceOfEveryServiceIsKilledAndTheOthersFinishItsWork() throws Exception {
		Map<String, Integer> before = available();

		// Another shopper's checkout, made before the kill, left unpaid: its hold is the
		// dead instances' unfinished work.
		String otherToken = this.api.register(shop.gateway(), "Bo", "bo-" + UUID.randomUUID() + "@example.com",
				PASSWORD);
		Response abandoned = this.api.postJson(shop.gateway() + "/api/checkout", checkoutOf("4T"), "Idempotency-Key",
				UUID.randomUUID().toString(), "Authorization", "Bearer " + otherToken);
		assertThat(abandoned.status()).as(abandoned.toString()).isEqualTo(201);
		String abandonedOrder = abandoned.json().get("orderId").asString();
		String abandonedSession = sessionOf(abandoned.json().get("checkoutUrl").asString());
		assertThat(available()).containsEntry("4T", before.get("4T") - 1);

		// The shopper fills the cart, signs up and opens the payment page.
		this.browser.get(storefront + "/products/" + PRODUCT + "/");
		this.steps.awaitAvailability();
		this.steps.addToCart("4T");
		this.steps.addToCart("5Y");
		String email = "buyer-" + UUID.randomUUID() + "@example.com";
		this.browser.get(storefront + "/account/sign-in/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-name"))).sendKeys("Cleo");
		this.browser.findElement(By.id("register-email")).sendKeys(email);
		this.browser.findElement(By.id("register-password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("#register button")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("greeting"), "Signed in as Cleo (" + email + ")."));
		this.browser.findElement(By.cssSelector("a.cart-link")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("cart-total"), "£28.00"));
		this.steps.fillNewAddress();
		this.browser.findElement(By.cssSelector("#checkout button[type='submit']")).click();
		this.wait.until(ExpectedConditions.urlContains(":" + shop.ports().emulator() + "/checkout/"));
		String session = sessionOf(this.browser.getCurrentUrl());
		assertThat(available()).containsEntry("4T", before.get("4T") - 2).containsEntry("5Y", before.get("5Y") - 1);

		// Reads keep going through the gateway from here to the end; none may fail.
		String buyerToken = this.api.signIn(shop.gateway(), email, PASSWORD);
		try (Reads reads = new Reads(shop.gateway(), buyerToken)) {
			for (String name : FIRST_INSTANCES) {
				ProcessHandle instance = ProcessHandle.of(shop.pid(name)).orElseThrow();
				assertThat(instance.destroyForcibly()).as("kill -9 " + name).isTrue();
				instance.onExit().get(30, TimeUnit.SECONDS);
			}

			// Pay: the webhook, the reservation's confirmation and the order status go
			// to the instances left.
			this.steps.payOnThePaymentPage("4242 4242 4242 4242");
			this.wait.until(ExpectedConditions.urlContains("/checkout/success/?order="));
			String orderId = this.browser.getCurrentUrl().replaceAll(".*[?&]order=([^&]+).*", "$1");
			new WebDriverWait(this.browser, Duration.ofSeconds(60))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"),
						"Your payment is confirmed and order " + orderId));
			this.browser.findElement(By.id("account-link")).click();
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "Order " + orderId));

			// Stripe expires the other checkout's session (its 31 minutes, passed here on
			// request): the event reaches an instance left, which releases the hold.
			Response expired = this.api.postForm(emulator("/v1/checkout/sessions/" + abandonedSession + "/expire"),
					Map.of(), "Authorization", "Bearer sk_test_emulator");
			assertThat(expired.status()).as(expired.toString()).isEqualTo(200);
			this.api.awaitOrderStatus(shop.gateway(), abandonedOrder, "EXPIRED", "Authorization",
					"Bearer " + otherToken);
			awaitAvailable("4T", before.get("4T") - 1);

			// Paid once, stock down by exactly what was bought, nothing held.
			JsonNode orders = this.api.get(shop.gateway() + "/api/orders", "Authorization", "Bearer " + buyerToken)
				.json();
			assertThat(orders.get("items")).hasSize(1);
			assertThat(orders.get("items").get(0).get("id").asString()).isEqualTo(orderId);
			assertThat(orders.get("items").get(0).get("status").asString()).isEqualTo("PAID");
			assertThat(available()).containsEntry("4T", before.get("4T") - 1).containsEntry("5Y", before.get("5Y") - 1);
			assertThat(eventsAbout(session, "checkout.session.completed")).as("one payment for the purchase")
				.hasSize(1);
			assertThat(undelivered()).as("every event Stripe sent was accepted in the end").isEmpty();

			reads.stop();
			assertThat(reads.count()).as("reads made while instances died").isGreaterThan(20);
			assertThat(reads.failures()).as("reads that failed").isEmpty();
		}
		for (String name : FIRST_INSTANCES) {
			assertThat(shop.printed()).contains(name + " stopped unexpectedly; 1 other instance(s)");
		}
	}

	/**
	 * GETs through the gateway, one after another on a thread of their own, at what a
	 * storefront reads: the listing, a product's live stock, the token keys, the shopper
	 * and their orders. Every one is recorded.
	 */
	private static final class Reads implements AutoCloseable {

		private final ExecutorService thread = Executors.newSingleThreadExecutor();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<String> failures = new CopyOnWriteArrayList<>();

		private final List<Integer> statuses = new CopyOnWriteArrayList<>();

		Reads(String gateway, String token) {
			List<String> paths = List.of("/api/catalog/products?pageSize=4",
					"/api/catalog/products/" + PRODUCT + "/availability", "/.well-known/jwks.json", "/api/users/me",
					"/api/orders");
			ShopClient client = new ShopClient();
			this.thread.execute(() -> {
				for (int i = 0; this.running.get(); i++) {
					String path = paths.get(i % paths.size());
					try {
						Response response = client.get(gateway + path, "Authorization", "Bearer " + token);
						this.statuses.add(response.status());
						if (response.status() != 200) {
							this.failures.add("GET " + path + ": " + response);
						}
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					catch (Exception ex) {
						this.failures.add("GET " + path + ": " + ex);
					}
				}
			});
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.shutdown();
			this.thread.awaitTermination(30, TimeUnit.SECONDS);
		}

		int count() {
			return this.statuses.size();
		}

		List<String> failures() {
			return this.failures;
		}

		@Override
		public void close() throws InterruptedException {
			stop();
		}

	}

	private String checkoutOf(String size) throws Exception {
		String sku = null;
		for (JsonNode variant : this.api.get(shop.gateway() + "/api/catalog/products/" + PRODUCT + "/availability")
			.json()
			.get("variants")) {
			if ("white".equals(variant.get("colour").asString()) && size.equals(variant.get("size").asString())) {
				sku = variant.get("sku").asString();
			}
		}
		assertThat(sku).as("a white " + size).isNotNull();
		return """
				{"lines":[{"sku":"%s","quantity":1}],"shippingAddress":{"name":"Bo Browser","line1":"9 Mill Street",\
				"line2":null,"city":"Leeds","postalCode":"LS1 4AP","country":"GB"}}""".formatted(sku);
	}

	private static String sessionOf(String checkoutUrl) {
		return checkoutUrl.replaceAll(".*/checkout/([^/?#]+).*", "$1");
	}

	private static String emulator(String path) {
		return "http://127.0.0.1:" + shop.ports().emulator() + path;
	}

	private List<JsonNode> eventsAbout(String session, String type) throws Exception {
		List<JsonNode> about = new ArrayList<>();
		for (JsonNode event : this.api
			.get(emulator("/v1/events?limit=100&type=" + type), "Authorization", "Bearer sk_test_emulator")
			.json()
			.get("data")) {
			if (session.equals(event.get("data").get("object").get("id").asString())) {
				about.add(event);
			}
		}
		return about;
	}

	/**
	 * Events not (yet) accepted, waited for while Stripe's retries may still deliver
	 * them.
	 */
	private List<String> undelivered() throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		List<String> pending;
		do {
			pending = new ArrayList<>();
			for (JsonNode event : this.api
				.get(emulator("/v1/events?limit=100&delivery_success=false"), "Authorization",
						"Bearer sk_test_emulator")
				.json()
				.get("data")) {
				pending.add(event.get("type").asString() + " " + event.get("id").asString());
			}
			if (pending.isEmpty()) {
				return pending;
			}
			Thread.sleep(500);
		}
		while (Instant.now().isBefore(deadline));
		return pending;
	}

	private void awaitAvailable(String size, int expected) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!Integer.valueOf(expected).equals(available().get(size)) && Instant.now().isBefore(deadline)) {
			Thread.sleep(300);
		}
		assertThat(available()).containsEntry(size, expected);
	}

	/** Live stock of the product's white variants, by size. */
	private Map<String, Integer> available() throws Exception {
		return ShopperSteps.whiteAvailability(this.api, shop.gateway(), PRODUCT);
	}

}
