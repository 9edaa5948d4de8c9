package com.littlethreads.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of every browser test: a fresh Debian headless Chromium per test, driven through
 * its own chromedriver (named explicitly, so Selenium never tries to download one), quit
 * after the test; and the evidence a failed test leaves: a screenshot, the console log
 * and the page's HTML under {@code target/storefront-failures}. A test class states only
 * what it tests and, where it needs another screen, which browser
 * ({@link #startBrowser()}).
 */
abstract class BrowserTest {

	/** A common phone's screen in CSS pixels, the first screen. */
	static final int PHONE_WIDTH = 390;

	static final int PHONE_HEIGHT = 844;

	private static final Path FAILURES = Path.of("target/storefront-failures");

	protected WebDriver browser;

	protected WebDriverWait wait;

	/**
	 * Keeps the evidence of a failed test; runs before {@code @AfterEach} closes the
	 * browser, so the failing page is still there.
	 */
	@RegisterExtension
	final AfterTestExecutionCallback keepEvidence = (context) -> {
		if (context.getExecutionException().isPresent() && this.browser != null) {
			keepEvidence(this.browser,
					context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
		}
	};

	@BeforeEach
	void openBrowser() {
		useBrowser(startBrowser());
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	/**
	 * The browser the test drives: a desktop-sized window unless a test needs another
	 * screen ({@link #phone()}).
	 * @return the started browser
	 */
	protected WebDriver startBrowser() {
		return start("--window-size=1280,1000");
	}

	/**
	 * Quits the test's browser and drives another from here on.
	 * @param browser the started browser
	 */
	protected void useBrowser(WebDriver browser) {
		closeBrowser();
		this.browser = browser;
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	/**
	 * The text a shopper sees in an element.
	 * @param selector the element's CSS selector
	 * @return its rendered text
	 */
	protected String text(String selector) {
		return this.browser.findElement(By.cssSelector(selector)).getText();
	}

	/**
	 * Runs a script in the page, as the page's own scripts would.
	 * @param script the script's body
	 * @param arguments its {@code arguments}
	 * @return what it returned
	 */
	protected Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

	/**
	 * A phone's screen: a 390 x 844 CSS pixel viewport that honours the pages' viewport
	 * meta, as a browser on a common phone lays them out.
	 * @return the browser
	 */
	static WebDriver phone() {
		ChromeDriver browser = (ChromeDriver) start("--window-size=390,844");
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
		return browser;
	}

	private static WebDriver start(String windowSize) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", windowSize);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	private static void keepEvidence(WebDriver browser, String name) {
		try {
			Files.createDirectories(FAILURES);
			byte[] screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
			Files.write(FAILURES.resolve(name + ".png"), screenshot);
			String console = browser.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::toString)
				.collect(Collectors.joining("\n"));
			Files.writeString(FAILURES.resolve(name + "-console.log"), "URL: " + browser.getCurrentUrl() + "\n"
					+ console + "\n\n" + Optional.ofNullable(browser.getPageSource()).orElse(""));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not keep the evidence of " + name + ": " + ex);
		}
	}

}
