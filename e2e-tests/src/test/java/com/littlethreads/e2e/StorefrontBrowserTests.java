package com.littlethreads.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built storefront in headless Chromium, served by the gateway that run.sh starts,
 * with the real catalog and user APIs behind it. On failure, a screenshot and the
 * browser's console log are kept under {@code target/storefront-failures}.
 */
@ExtendWith(SharedShop.class)
class StorefrontBrowserTests {

	private static String gateway;

	private WebDriver browser;

	private WebDriverWait wait;

	@RegisterExtension
	final AfterTestExecutionCallback keepEvidence = HeadlessChromium.evidenceOnFailure(() -> this.browser);

	@BeforeAll
	static void useTheRunningShop(RunningShop shop) throws Exception {
		assertThat(shop.printed())
			.contains("Storefront:                        http://localhost:" + shop.ports().gateway() + "/");
		gateway = shop.gateway();
	}

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void twoSizesGoInTheCartAndTheCartSurvivesNavigationAndReload() {
		open("/products/rainbow-stripe-tee/");
		awaitAvailability();

		addToCart("2T");
		addToCart("3T");

		assertThat(badge()).isEqualTo("2");
		this.browser.findElement(By.linkText("Tops")).click();
		this.wait.until(ExpectedConditions.urlContains("/category/tops/"));
		assertThat(badge()).as("the badge on every page").isEqualTo("2");

		this.browser.findElement(By.cssSelector("a.cart-link")).click();
		this.wait.until(ExpectedConditions.urlContains("/cart/"));
		assertThat(cartSizes()).containsExactly("Size 2T, white", "Size 3T, white");
		assertThat(text("#cart-total")).isEqualTo("£28.00");

		this.browser.navigate().refresh();
		assertThat(cartSizes()).as("after a reload").containsExactly("Size 2T, white", "Size 3T, white");
		WebElement quantity = this.browser.findElement(By.cssSelector("input[data-sku='LT-0001-WHITE-3T']"));
		quantity.clear();
		quantity.sendKeys("3\t");
		this.wait.until(ExpectedConditions.textToBe(By.id("cart-total"), "£56.00"));
		assertThat(badge()).isEqualTo("4");
	}

	@Test
	void soldOutSizesCannotBeAdded() {
		// In the seed, the red Breton top is sold out in 6Y and in stock in the other
		// sizes.
		open("/products/breton-striped-long-sleeve-top/");
		awaitAvailability();
		this.browser.findElement(By.cssSelector("input[name='colour'][value='red']")).click();

		WebElement soldOut = sizeInput("6Y");
		assertThat(soldOut.isEnabled()).isFalse();
		assertThat(soldOut.findElement(By.xpath("following-sibling::span")).getText()).isEqualTo("6Y (sold out)");
		assertThat(sizeInput("5Y").isEnabled()).isTrue();

		soldOut.findElement(By.xpath("..")).click();
		this.browser.findElement(By.cssSelector("#add-to-cart button[type='submit']")).click();

		assertThat(soldOut.isSelected()).isFalse();
		assertThat(((JavascriptExecutor) this.browser)
			.executeScript("return document.querySelector('input[name=size]').validity.valueMissing"))
			.as("the form asks for a size instead of adding anything")
			.isEqualTo(true);
		assertThat(badge()).isEqualTo("0");
		assertThat(cartInStorage()).doesNotContain("LT-0002-RED-6Y");
	}

	@Test
	void shopperSignsInAndSeesTheirAccountAgainAfterAReload() throws Exception {
		String email = "browser-" + UUID.randomUUID() + "@example.com";
		String password = "lantern marmalade orbit 57";
		ShopClient.Response registered = new ShopClient().postJson(gateway + "/api/auth/register",
				"{\"email\":\"%s\",\"displayName\":\"Bea\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);

		open("/account/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-signed-out")));
		this.browser.findElement(By.linkText("Sign in")).click();
		this.wait.until(ExpectedConditions.urlContains("/account/sign-in/"));
		this.browser.findElement(By.id("login-email")).sendKeys(email);
		this.browser.findElement(By.id("login-password")).sendKeys("wrong password entirely 1");
		this.browser.findElement(By.cssSelector("#sign-in button")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages .error")));
		assertThat(text("#messages")).as("the problem's title in plain words").doesNotContain("{").isNotBlank();

		this.browser.findElement(By.id("login-password")).clear();
		this.browser.findElement(By.id("login-password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("#sign-in button")).click();

		this.wait.until(ExpectedConditions.textToBe(By.id("greeting"), "Signed in as Bea (" + email + ")."));
		assertThat(accessTokenInStorage()).as("the access token is kept in memory only").isFalse();
		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.textToBe(By.id("greeting"), "Signed in as Bea (" + email + ")."));

		this.browser.findElement(By.id("address-name")).sendKeys("Bea Shopper");
		this.browser.findElement(By.id("address-line1")).sendKeys("1 Market Street");
		this.browser.findElement(By.id("address-city")).sendKeys("Leeds");
		this.browser.findElement(By.id("address-postcode")).sendKeys("LS1 1AA");
		this.browser.findElement(By.cssSelector("#add-address button")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("addresses"), "1 Market Street"));
	}

	@Test
	void searchFiltersChangeTheResultsAndTheirCounts() throws Exception {
		// Other tests on the shared shop may add products: count what the catalog holds
		// now.
		ShopClient api = new ShopClient();
		int total = api.get(gateway + "/api/catalog/products?pageSize=1").json().get("total").asInt();
		int tops = api.get(gateway + "/api/catalog/products?pageSize=1&category=tops").json().get("total").asInt();
		open("/search/");
		this.wait.until(ExpectedConditions.textToBe(By.id("result-count"), total + " products"));
		assertThat(this.browser.findElements(By.cssSelector("#results .tile"))).hasSize(24);
		WebElement topsFacet = this.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='facet-category-tops']")));
		assertThat(topsFacet.getText()).isEqualToIgnoringCase("tops (" + tops + ")");

		topsFacet.click();

		this.wait.until(ExpectedConditions.textToBe(By.id("result-count"), tops + " products"));
		assertThat(this.browser.findElements(By.cssSelector("#results .tile"))).hasSize(tops);
		assertThat(this.browser.getCurrentUrl()).endsWith("/search/?category=tops");
		String navyLabel = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("label[for='facet-colour-navy']")))
			.getText();
		int navyTops = Integer.parseInt(navyLabel.replaceAll(".*\\((\\d+)\\)", "$1"));
		assertThat(navyTops).isBetween(1, tops - 1);

		this.browser.findElement(By.id("facet-colour-navy")).click();

		this.wait.until(ExpectedConditions.textToBe(By.id("result-count"),
				navyTops == 1 ? "1 product" : navyTops + " products"));
		assertThat(this.browser.findElements(By.cssSelector("#results .tile"))).hasSize(navyTops);
	}

	@Test
	void onAPhoneTheFirstResultAndTheProductsNamePriceAndSizesAreInTheFirstScreen() {
		this.browser.quit();
		this.browser = HeadlessChromium.phone();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));

		open("/search/?category=tops&size=4T");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .tile img")));
		assertThat(bottom(".site-header")).as("the header").isLessThanOrEqualTo(72);
		assertThat(bottom("#results .tile")).as("the first result").isLessThanOrEqualTo(HeadlessChromium.PHONE_HEIGHT);

		open("/products/rainbow-stripe-tee/");
		awaitAvailability();
		assertThat(bottom(".site-header")).as("the header").isLessThanOrEqualTo(72);
		assertThat(bottom(".product h1")).as("the name").isLessThanOrEqualTo(HeadlessChromium.PHONE_HEIGHT);
		assertThat(bottom(".price")).as("the price").isLessThanOrEqualTo(HeadlessChromium.PHONE_HEIGHT);
		assertThat(bottom(".sizes")).as("the size choice").isLessThanOrEqualTo(HeadlessChromium.PHONE_HEIGHT);
		assertThat(((Number) ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth")).intValue()).as("no sideways scrolling")
			.isEqualTo(HeadlessChromium.PHONE_WIDTH);
	}

	/** Where an element ends, in CSS pixels from the top of the first screen. */
	private double bottom(String selector) {
		return ((Number) ((JavascriptExecutor) this.browser)
			.executeScript("return document.querySelector(arguments[0]).getBoundingClientRect().bottom", selector))
			.doubleValue();
	}

	private void open(String path) {
		this.browser.get(gateway + path);
	}

	private void awaitAvailability() {
		this.wait.until(ExpectedConditions
			.not(ExpectedConditions.textToBe(By.id("availability"), "Checking which sizes are in stock…")));
	}

	private void addToCart(String size) {
		sizeInput(size).findElement(By.xpath("..")).click();
		this.browser.findElement(By.cssSelector("#add-to-cart button[type='submit']")).click();
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "size " + size + ", white"));
	}

	private WebElement sizeInput(String size) {
		return this.browser.findElement(By.cssSelector("input[name='size'][value='" + size + "']"));
	}

	private String badge() {
		return text("#cart-count");
	}

	private String text(String selector) {
		return this.browser.findElement(By.cssSelector(selector)).getText();
	}

	private List<String> cartSizes() {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cart-table")));
		return this.browser.findElements(By.cssSelector("#cart-lines tr td:first-child"))
			.stream()
			.map((cell) -> cell.getText().lines().skip(1).findFirst().orElse(""))
			.toList();
	}

	private String cartInStorage() {
		return String
			.valueOf(((JavascriptExecutor) this.browser).executeScript("return localStorage.getItem('lt.cart')"));
	}

	private boolean accessTokenInStorage() {
		Object found = ((JavascriptExecutor) this.browser).executeScript("""
				const all = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k)));
				return all.some((v) => v && v.startsWith('ey')) || document.cookie.includes('ey');""");
		return Boolean.TRUE.equals(found);
	}

}
