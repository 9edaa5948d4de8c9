package com.littlethreads.e2e;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built storefront in headless Chromium, served by the gateway that run.sh starts,
 * with the real catalog and user APIs behind it.
 */
@ExtendWith(SharedShop.class)
class StorefrontBrowserTests extends BrowserTest {

	private static String gateway;

	private final ShopperSteps steps = new ShopperSteps(this);

	@BeforeAll
	static void useTheRunningShop(RunningShop shop) throws Exception {
		assertThat(shop.printed())
			.contains("Storefront:                        http://localhost:" + shop.ports().gateway() + "/");
		gateway = shop.gateway();
	}

	@Test
	void twoSizesGoInTheCartAndTheCartSurvivesNavigationAndReload() {
		open("/products/rainbow-stripe-tee/");
		this.steps.awaitAvailability();

		this.steps.addToCart("2T");
		this.steps.addToCart("3T");

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
		this.steps.awaitAvailability();
		this.browser.findElement(By.cssSelector("input[name='colour'][value='red']")).click();

		WebElement soldOut = sizeInput("6Y");
		assertThat(soldOut.isEnabled()).isFalse();
		assertThat(soldOut.findElement(By.xpath("following-sibling::span")).getText()).isEqualTo("6Y (sold out)");
		assertThat(sizeInput("5Y").isEnabled()).isTrue();

		soldOut.findElement(By.xpath("..")).click();
		this.browser.findElement(By.cssSelector("#add-to-cart button[type='submit']")).click();

		assertThat(soldOut.isSelected()).isFalse();
		assertThat(script("return document.querySelector('input[name=size]').validity.valueMissing"))
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
		useBrowser(phone());

		open("/search/?category=tops&size=4T");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .tile img")));
		assertThat(bottom(".site-header")).as("the header").isLessThanOrEqualTo(72);
		assertThat(bottom("#results .tile")).as("the first result").isLessThanOrEqualTo(PHONE_HEIGHT);

		open("/products/rainbow-stripe-tee/");
		this.steps.awaitAvailability();
		assertThat(bottom(".site-header")).as("the header").isLessThanOrEqualTo(72);
		assertThat(bottom(".product h1")).as("the name").isLessThanOrEqualTo(PHONE_HEIGHT);
		assertThat(bottom(".price")).as("the price").isLessThanOrEqualTo(PHONE_HEIGHT);
		assertThat(bottom(".sizes")).as("the size choice").isLessThanOrEqualTo(PHONE_HEIGHT);
		assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
			.as("no sideways scrolling")
			.isEqualTo(PHONE_WIDTH);
	}

	/** Where an element ends, in CSS pixels from the top of the first screen. */
	private double bottom(String selector) {
		return ((Number) script("return document.querySelector(arguments[0]).getBoundingClientRect().bottom", selector))
			.doubleValue();
	}

	private void open(String path) {
		this.browser.get(gateway + path);
	}

	private WebElement sizeInput(String size) {
		return this.browser.findElement(By.cssSelector("input[name='size'][value='" + size + "']"));
	}

	private String badge() {
		return text("#cart-count");
	}

	private List<String> cartSizes() {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cart-table")));
		return this.browser.findElements(By.cssSelector("#cart-lines tr td:first-child"))
			.stream()
			.map((cell) -> cell.getText().lines().skip(1).findFirst().orElse(""))
			.toList();
	}

	private String cartInStorage() {
		return String.valueOf(script("return localStorage.getItem('lt.cart')"));
	}

	private boolean accessTokenInStorage() {
		Object found = script("""
				const all = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k)));
				return all.some((v) => v && v.startsWith('ey')) || document.cookie.includes('ey');""");
		return Boolean.TRUE.equals(found);
	}

}
