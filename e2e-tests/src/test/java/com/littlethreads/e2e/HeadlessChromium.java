package com.littlethreads.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its own chromedriver (named explicitly, so
 * Selenium never tries to download one), and the evidence a failed browser test leaves: a
 * screenshot, the console log and the page's HTML under
 * {@code target/storefront-failures}.
 */
final class HeadlessChromium {

	/** A common phone's screen in CSS pixels, the first screen. */
	static final int PHONE_WIDTH = 390;

	static final int PHONE_HEIGHT = 844;

	private static final Path FAILURES = Path.of("target/storefront-failures");

	private HeadlessChromium() {
	}

	static WebDriver start() {
		return start("--window-size=1280,1000");
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

	/**
	 * Keeps the evidence of a failed test; runs before {@code @AfterEach} closes the
	 * browser, so the failing page is still there.
	 * @param browser the test's browser, read when the test has run
	 * @return the extension to register
	 */
	static AfterTestExecutionCallback evidenceOnFailure(java.util.function.Supplier<WebDriver> browser) {
		return (context) -> {
			if (context.getExecutionException().isPresent() && browser.get() != null) {
				keepEvidence(browser.get(), context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName());
			}
		};
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
