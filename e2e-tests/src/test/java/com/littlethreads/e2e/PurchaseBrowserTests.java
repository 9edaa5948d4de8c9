package com.littlethreads.e2e;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole purchase as a shopper makes it, in headless Chromium on the shop the run
 * command starts: the prebuilt storefront served by the gateway, the real services, and
 * the Stripe emulator's payment page. Browse, fill the cart, sign up, pay, see the order
 * paid; then a declined card and a cancel that puts the held stock back.
 */
@ExtendWith(SharedShop.class)
class PurchaseBrowserTests extends BrowserTest {

	private static final String PRODUCT = "rainbow-stripe-tee";

	private static RunningShop shop;

	/**
	 * The storefront as the run command prints it: {@code localhost}, the host Stripe's
	 * success and cancel URLs lead back to, so the shopper's sign-in cookie comes along.
	 */
	private static String storefront;

	private final ShopClient api = new ShopClient();

	private final ShopperSteps steps = new ShopperSteps(this);

	@BeforeAll
	static void useTheRunningShop(RunningShop running) {
		shop = running;
		storefront = "http://localhost:" + running.ports().gateway();
	}

	@Test
	void shopperBuysTwoSizesPaysAndSeesTheOrderPaidThenADeclinedCardAndACancelHoldNothing() throws Exception {
		Map<String, Integer> before = available();

		// 1. Browse: home, a category, filtered by size, a product.
		this.browser.get(storefront + "/");
		this.browser.findElement(By.cssSelector("main a[href='/category/tops/']")).click();
		this.wait.until(ExpectedConditions.urlContains("/category/tops/"));
		this.browser.findElement(By.linkText("Filter by size, colour and more")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='facet-size-4T']"))).click();
		int tops4T = this.api.get(shop.gateway() + "/api/catalog/products?pageSize=1&category=tops&size=4T")
			.json()
			.get("total")
			.asInt();
		// The results are redrawn once the filtered listing arrives; wait for it.
		this.wait.until(ExpectedConditions.textToBe(By.id("result-count"), tops4T + " products"));
		this.wait
			.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("#results a[href='/products/" + PRODUCT + "/']")))
			.click();
		this.wait.until(ExpectedConditions.urlContains("/products/" + PRODUCT + "/"));
		this.steps.awaitAvailability();

		// 2. Two sizes in the cart: badge and total follow.
		this.steps.addToCart("4T");
		this.steps.addToCart("5Y");
		assertThat(text("#cart-count")).isEqualTo("2");

		// 3. Sign up (which signs in) from the account page.
		String email = "buyer-" + UUID.randomUUID() + "@example.com";
		this.browser.findElement(By.id("account-link")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-signed-out")));
		this.browser.findElement(By.linkText("Sign in")).click();
		this.wait.until(ExpectedConditions.urlContains("/account/sign-in/"));
		this.browser.findElement(By.id("register-name")).sendKeys("Cleo");
		this.browser.findElement(By.id("register-email")).sendKeys(email);
		this.browser.findElement(By.id("register-password")).sendKeys("saffron kettle meadow 44");
		this.browser.findElement(By.cssSelector("#register button")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("greeting"), "Signed in as Cleo (" + email + ")."));

		// 4. Check out and pay on the payment page with the card that succeeds.
		this.browser.findElement(By.cssSelector("a.cart-link")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("cart-total"), "£28.00"));
		this.steps.fillNewAddress();
		this.browser.findElement(By.cssSelector("#checkout button[type='submit']")).click();
		payOnThePaymentPage("4242 4242 4242 4242");

		// 5. The success page confirms the payment; the account lists the order; the
		// stock of both sizes dropped by one.
		this.wait.until(ExpectedConditions.urlContains("/checkout/success/?order="));
		String orderId = this.browser.getCurrentUrl().replaceAll(".*[?&]order=([^&]+).*", "$1");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"),
				"Your payment is confirmed and order " + orderId));
		assertThat(text("#cart-count")).isEqualTo("0");
		this.browser.findElement(By.id("account-link")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "Order " + orderId));
		assertThat(available()).containsEntry("4T", before.get("4T") - 1).containsEntry("5Y", before.get("5Y") - 1);

		// 6. A second purchase: the card is declined, the shopper cancels, nothing is
		// paid and the held stock is back.
		this.browser.get(storefront + "/products/" + PRODUCT + "/");
		this.steps.awaitAvailability();
		this.steps.addToCart("4T");
		this.browser.findElement(By.cssSelector("a.cart-link")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("cart-total"), "£14.00"));
		this.steps.fillNewAddress();
		this.browser.findElement(By.cssSelector("#checkout button[type='submit']")).click();
		payOnThePaymentPage("4000 0000 0000 0002");
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-error"), "Your card was declined."));
		assertThat(available()).as("the checkout holds one more 4T").containsEntry("4T", before.get("4T") - 2);
		this.browser.findElement(By.id("cancel")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"),
				"was cancelled and nothing was charged"));
		assertThat(available()).as("the hold is released").containsEntry("4T", before.get("4T") - 1);

		String token = this.api.signIn(shop.gateway(), email, "saffron kettle meadow 44");
		JsonNode orders = this.api.get(shop.gateway() + "/api/orders", "Authorization", "Bearer " + token).json();
		assertThat(orders.get("items")).hasSize(2);
		assertThat(orders.get("items").get(0).get("status").asString()).as("the newest, declined then cancelled")
			.isEqualTo("CANCELLED");
		assertThat(orders.get("items").get(1).get("status").asString()).isEqualTo("PAID");
		assertThat(orders.get("items").get(1).get("id").asString()).isEqualTo(orderId);
	}

	private void payOnThePaymentPage(String card) {
		this.wait.until(ExpectedConditions.urlContains(":" + shop.ports().emulator() + "/checkout/"));
		this.steps.payOnThePaymentPage(card);
	}

	/** Live stock of the product's white variants, by size. */
	private Map<String, Integer> available() throws Exception {
		return ShopperSteps.whiteAvailability(this.api, shop.gateway(), PRODUCT);
	}

}
