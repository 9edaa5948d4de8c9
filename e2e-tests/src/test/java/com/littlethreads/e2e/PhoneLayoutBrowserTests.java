package com.littlethreads.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built storefront on a phone's screen (390 x 844) against a slow API: the catalog's
 * answers are held until the test has read the drawn page, and the cart's script comes
 * late, as they do on a phone's connection, and pages may come a tag at a time. What
 * arrives late takes places the page kept for it, so nothing a shopper sees moves (the
 * browser's own layout-shift measure stays at zero); the header stays compact and its
 * categories open from the keyboard over the page; the search page's filters wait behind
 * a button that counts the active ones.
 */
class PhoneLayoutBrowserTests extends StubbedSiteTest {

	/**
	 * Longer than a page takes to be drawn here, so a script that comes this late meets a
	 * drawn page.
	 */
	private static final Duration LATE = Duration.ofMillis(1500);

	/** A little longer than a frame at 60 Hz: the browser draws between two pieces. */
	private static final Duration FRAME = Duration.ofMillis(20);

	/**
	 * The seed product every phone test opens, and the sizes the stub says are sold out.
	 */
	private static final String PRODUCT = "rainbow-stripe-tee";

	/** Enough to need another row of sizes where labels grow with "(sold out)". */
	private static final Set<String> SOLD_OUT = Set.of("2T", "3T", "4T", "6Y");

	private static final String SIZES = "#add-to-cart fieldset:last-of-type";

	private static final Pattern VARIANTS = Pattern
		.compile("<script type=\"application/json\" id=\"variants\">(.*?)</script>", Pattern.DOTALL);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Holds the catalog's answers until the test opens it. */
	private final CountDownLatch api = new CountDownLatch(1);

	/** Whether pages are sent a tag at a time. */
	private boolean tagByTag;

	@Override
	protected WebDriver startBrowser() {
		return phone();
	}

	@Test
	void searchResultsTakeTheirPlaceholdersPlacesSoNothingMovesWhenTheyArrive() {
		this.browser.get(this.base + "/search/?category=tops&size=4T");
		assertThat(text("#result-count")).as("drawn before the listing arrives").isEqualTo("Loading products…");
		Map<String, Object> placeholder = rect("#results > li:first-child");
		Map<String, Object> countLine = rect("#result-count");

		this.api.countDown();
		this.wait.until(ExpectedConditions.textToBe(By.id("result-count"), "5 products"));

		assertThat(this.browser.findElements(By.cssSelector("#results .tile img"))).hasSize(5);
		assertThat(rect("#results > li:first-child")).as("the first result where its placeholder was")
			.isEqualTo(placeholder);
		assertThat(rect("#result-count")).isEqualTo(countLine);
		assertNothingMoved();
	}

	@Test
	void theStockLineAndTheSizesKeepTheirPlaceWhenStockArrives() {
		this.browser.get(this.base + "/products/" + PRODUCT + "/");
		assertThat(text("#availability")).isEqualTo("Checking which sizes are in stock…");
		List<Map<String, Object>> before = rects(SIZES, "#availability", "#quantity",
				"#add-to-cart button[type='submit']");

		this.api.countDown();
		this.wait.until(ExpectedConditions.textToBe(By.id("availability"), "Sizes shown crossed out are sold out."));

		assertThat(sizeLabel("2T")).isEqualTo("2T (sold out)");
		assertThat(sizeLabel("6Y")).isEqualTo("6Y (sold out)");
		assertThat(sizeLabel("5Y")).isEqualTo("5Y");
		assertThat(rects(SIZES, "#availability", "#quantity", "#add-to-cart button[type='submit']")).isEqualTo(before);
		assertNothingMoved();
	}

	/**
	 * A browser draws a page before all of it has arrived, whenever its parser pauses
	 * after a tag: on a slow connection, or on a phone busy with other work. Here each
	 * page comes one tag at a time, a frame apart, so every such state is drawn, and what
	 * is drawn stays where it is as the rest arrives.
	 * @param page the page's path
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/", "/category/tops/", "/search/?category=tops&size=4T", "/products/" + PRODUCT + "/",
			"/cart/" })
	void nothingMovesWhileAPageArrivesATagAtATime(String page) {
		this.tagByTag = true;
		this.api.countDown();
		this.browser.get(this.base + page);
		assertNothingMoved();
	}

	@Test
	void cartLinesAppearWithoutMovingAnything() {
		this.browser.get(this.base + "/404.html");
		script("localStorage.setItem('lt.cart', arguments[0])", """
				[{"sku":"LT-0001-WHITE-2T","slug":"rainbow-stripe-tee","name":"Rainbow Stripe Tee","size":"2T",\
				"colour":"white","price":{"amount":1400,"currency":"GBP"},"quantity":2}]""");

		this.browser.get(this.base + "/cart/");
		this.wait.until(ExpectedConditions.textToBe(By.id("cart-total"), "£28.00"));

		assertThat(this.browser.findElements(By.cssSelector("#cart-lines tr"))).hasSize(1);
		assertThat(this.browser.findElement(By.id("cart-empty")).isDisplayed()).isFalse();
		assertNothingMoved();
		assertThat(pageWidth()).as("no sideways scrolling").isEqualTo(PHONE_WIDTH);
	}

	@Test
	void theHeaderIsCompactAndItsMenuButtonOpensTheCategoriesFromTheKeyboardOverThePage() {
		this.browser.get(this.base + "/products/" + PRODUCT + "/");
		assertThat(((Number) rect(".site-header").get("height")).doubleValue()).isLessThanOrEqualTo(72);
		WebElement menu = this.browser.findElement(By.cssSelector(".menu-button"));
		By bottoms = By.cssSelector("#site-menu a[href='/category/bottoms/']");
		assertThat(this.browser.findElement(bottoms).isDisplayed()).isFalse();
		Object mainTop = rect("main").get("top");

		tabTo(menu);
		press(Keys.ENTER);

		WebElement category = this.wait.until(ExpectedConditions.visibilityOfElementLocated(bottoms));
		assertThat(rect("main").get("top")).as("the menu opens over the page").isEqualTo(mainTop);
		press(Keys.TAB);
		assertThat(focused().getText()).as("the categories follow the button in the tab order").isEqualTo("Tops");
		press(Keys.ESCAPE);
		this.wait.until(ExpectedConditions.invisibilityOf(category));
		assertThat(focused()).as("focus back on the button").isEqualTo(menu);
		assertNothingMoved();
	}

	@Test
	void theFiltersWaitBehindAButtonThatCountsTheActiveOnesBelowWhichTheResultsComeFirst() {
		this.api.countDown();
		this.browser.get(this.base + "/search/?category=tops&size=4T");
		this.wait.until(ExpectedConditions.textToBe(By.id("result-count"), "5 products"));
		WebElement toggle = this.browser.findElement(By.id("filters-toggle"));

		assertThat(toggle.getText()).isEqualTo("Filters (2 active)");
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(this.browser.findElement(By.id("facets")).isDisplayed()).isFalse();
		assertThat(((Number) rect("#results .tile").get("bottom")).doubleValue())
			.as("the first result in the first screen")
			.isLessThanOrEqualTo(PHONE_HEIGHT);

		tabTo(toggle);
		press(Keys.ENTER);

		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
		WebElement navy = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label[for='facet-colour-navy']")));
		navy.click();
		this.wait.until(ExpectedConditions.textToBe(By.id("filters-toggle"), "Filters (3 active)"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/search/?category=tops&size=4T&colour=navy");
	}

	/**
	 * Every layout shift the browser recorded since the page began, counted whether or
	 * not it followed input: browsers leave out those within half a second of a click or
	 * key (hadRecentInput), but ChromeDriver's own commands count as input there, which
	 * would hide the very shifts these tests look for.
	 */
	private void assertNothingMoved() {
		Object shifts = ((JavascriptExecutor) this.browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const seen = [];
				new PerformanceObserver((list) => seen.push(...list.getEntries()))
				  .observe({ type: 'layout-shift', buffered: true });
				const box = (r) => [r.x, r.y, r.width, r.height].join(',');
				setTimeout(() => done(seen.map((e) => e.value + ' at ' + Math.round(e.startTime) + ' ms: ' + e.sources
				  .map((s) => (s.node ? s.node.nodeName + '#' + s.node.id + '.' + s.node.className : '?')
				    + ' ' + box(s.previousRect) + ' -> ' + box(s.currentRect))
				  .join(', '))), 300);""");
		assertThat((List<?>) shifts).as("layout shifts the browser measured").isEmpty();
	}

	private void tabTo(WebElement target) {
		for (int i = 0; i < 30 && !focused().equals(target); i++) {
			press(Keys.TAB);
		}
		assertThat(focused()).as("reached with the Tab key").isEqualTo(target);
	}

	/** A key pressed wherever the focus is, as a shopper presses it. */
	private void press(Keys key) {
		new Actions(this.browser).sendKeys(key).perform();
	}

	private WebElement focused() {
		return this.browser.switchTo().activeElement();
	}

	private String sizeLabel(String size) {
		return this.browser.findElement(By.cssSelector("input[name='size'][value='" + size + "'] + span"))
			.getText()
			.replace('\u00a0', ' ');
	}

	private long pageWidth() {
		return ((Number) script("return document.documentElement.scrollWidth")).longValue();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> rect(String selector) {
		return (Map<String, Object>) script("""
				const r = document.querySelector(arguments[0]).getBoundingClientRect();
				return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };""", selector);
	}

	private List<Map<String, Object>> rects(String... selectors) {
		List<Map<String, Object>> rects = new ArrayList<>();
		for (String selector : selectors) {
			rects.add(rect(selector));
		}
		return rects;
	}

	@Override
	protected void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/api/catalog/products")) {
			held();
			json(exchange, 200, listing(exchange.getRequestURI().getRawQuery()));
		}
		else if (path.equals("/api/catalog/products/" + PRODUCT + "/availability")) {
			held();
			json(exchange, 200, availability());
		}
		else if (path.startsWith("/api/catalog/images/")) {
			send(exchange, 200, "image/svg+xml",
					"""
							<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480"><rect width="480" height="480" fill="#d8a7a7"/></svg>""");
		}
		else if (path.startsWith("/assets/cart-page.")) {
			// The cart's lines are drawn by this script: it comes after the page is
			// drawn.
			pause(LATE);
			file(exchange, path);
		}
		else if (this.tagByTag && path.endsWith("/")) {
			tagByTag(exchange, path);
		}
		else {
			file(exchange, path);
		}
	}

	private void held() {
		try {
			this.api.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A built page sent in pieces that each end with a tag, a frame apart (a path the
	 * site has no page for is answered as usual).
	 */
	private static void tagByTag(HttpExchange exchange, String path) throws IOException {
		Path file = siteFile(path);
		if (file == null) {
			file(exchange, path);
			return;
		}
		byte[] page = Files.readAllBytes(file);
		exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			int start = 0;
			for (int end = 1; end <= page.length; end++) {
				if (page[end - 1] == '>' || end == page.length) {
					out.write(page, start, end - start);
					out.flush();
					pause(FRAME);
					start = end;
				}
			}
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Five tops in 4T, or four once navy is chosen too, as the listing API answers. */
	private static String listing(String query) {
		boolean navy = query != null && query.contains("colour=navy");
		String[] names = { "Rainbow Stripe Tee", "Dinosaur Print Tee", "Frill Sleeve Blouse", "Knitted Button Cardigan",
				"Scalloped Collar Jumper" };
		List<String> items = new ArrayList<>();
		for (int i = 0; i < (navy ? 4 : 5); i++) {
			items
				.add("""
						{"slug":"tee-%d","name":"%s","category":"tops","gender":"unisex","price":{"amount":%d,"currency":"GBP"},
						 "image":{"url":"/api/catalog/images/tops/navy.0123456789.svg","alt":"%s in navy","width":480,"height":480},
						 "sizes":["4T"],"colours":["navy"],"inStock":true,"featured":false,"createdAt":"2026-11-01T10:00:00Z"}"""
					.formatted(i, names[i], 1200 + 200 * i, names[i]));
		}
		return """
				{"items":[%s],"page":0,"pageSize":24,"total":%d,"facets":{
				 "category":[{"value":"tops","count":5},{"value":"bottoms","count":5},{"value":"dresses","count":5}],
				 "gender":[{"value":"girls","count":3},{"value":"boys","count":1},{"value":"unisex","count":1}],
				 "size":[{"value":"2T","count":4},{"value":"3T","count":5},{"value":"4T","count":5},{"value":"5Y","count":4}],
				 "colour":[{"value":"navy","count":4},{"value":"white","count":3},{"value":"green","count":1}]}}"""
			.formatted(String.join(",", items), items.size());
	}

	/** Every variant of the product in stock but some sizes, read from its built page. */
	private static String availability() throws IOException {
		String page = Files.readString(SITE.resolve("products/" + PRODUCT + "/index.html"));
		Matcher variants = VARIANTS.matcher(page);
		assertThat(variants.find()).isTrue();
		List<String> answers = new ArrayList<>();
		for (JsonNode variant : JSON.readTree(variants.group(1))) {
			boolean inStock = !SOLD_OUT.contains(variant.path("size").asString());
			answers.add("""
					{"sku":"%s","size":"%s","colour":"%s","available":%d,"inStock":%s}""".formatted(
					variant.path("sku").asString(), variant.path("size").asString(), variant.path("colour").asString(),
					inStock ? 5 : 0, inStock));
		}
		return "{\"slug\":\"" + PRODUCT + "\",\"inStock\":true,\"variants\":[" + String.join(",", answers) + "]}";
	}

}
