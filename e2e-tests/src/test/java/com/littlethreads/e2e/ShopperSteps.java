package com.littlethreads.e2e;

import java.util.HashMap;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The steps of a purchase as a shopper takes them on the storefront's pages and the
 * emulator's payment page, shared by the purchase tests (one shop or several instances):
 * the white variants of one product in the cart, a new shipping address, a test card.
 */
final class ShopperSteps {

	private final BrowserTest test;

	/**
	 * Steps in the browser the test drives at the time of each step.
	 * @param test the browser test
	 */
	ShopperSteps(BrowserTest test) {
		this.test = test;
	}

	/** On a product page: until its live stock line has replaced the placeholder. */
	void awaitAvailability() {
		this.test.wait.until(ExpectedConditions
			.not(ExpectedConditions.textToBe(By.id("availability"), "Checking which sizes are in stock…")));
	}

	/** On a product page: the white variant of {@code size}, confirmed by the page. */
	void addToCart(String size) {
		this.test.browser.findElement(By.cssSelector("input[name='colour'][value='white']"))
			.findElement(By.xpath(".."))
			.click();
		this.test.browser.findElement(By.cssSelector("input[name='size'][value='" + size + "']"))
			.findElement(By.xpath(".."))
			.click();
		this.test.browser.findElement(By.cssSelector("#add-to-cart button[type='submit']")).click();
		this.test.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "size " + size + ", white"));
	}

	/** On the cart page: a shipping address typed in rather than a saved one. */
	void fillNewAddress() {
		this.test.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ship-name")));
		this.test.browser.findElement(By.id("ship-name")).sendKeys("Cleo Buyer");
		this.test.browser.findElement(By.id("ship-line1")).sendKeys("3 Orchard Lane");
		this.test.browser.findElement(By.id("ship-city")).sendKeys("Bristol");
		this.test.browser.findElement(By.id("ship-postcode")).sendKeys("BS1 4DJ");
	}

	/** On the emulator's payment page: pays with one of Stripe's test cards. */
	void payOnThePaymentPage(String card) {
		this.test.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-number")));
		this.test.browser.findElement(By.id("card-number")).sendKeys(card);
		this.test.browser.findElement(By.id("card-expiry")).sendKeys("12 / 34");
		this.test.browser.findElement(By.id("card-cvc")).sendKeys("123");
		this.test.browser.findElement(By.id("cardholder-name")).sendKeys("Cleo Buyer");
		this.test.browser.findElement(By.id("pay")).click();
	}

	/**
	 * Live stock of a product's white variants, by size, as the catalog answers it.
	 * @param api the client
	 * @param gateway the gateway's base URL
	 * @param product the product's slug
	 * @return available units by size
	 * @throws Exception if the catalog cannot be read
	 */
	static Map<String, Integer> whiteAvailability(ShopClient api, String gateway, String product) throws Exception {
		Map<String, Integer> bySize = new HashMap<>();
		for (JsonNode variant : api.get(gateway + "/api/catalog/products/" + product + "/availability")
			.json()
			.get("variants")) {
			if ("white".equals(variant.get("colour").asString())) {
				bySize.put(variant.get("size").asString(), variant.get("available").asInt());
			}
		}
		return bySize;
	}

}
