package com.littlethreads.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base for browser tests of single pages: headless Chromium against a small HTTP server
 * on a free port that serves the built storefront and answers the API calls as the test
 * says ({@link #answer}), without the rest of the shop.
 */
abstract class StubbedSiteTest {

	protected String base;

	protected WebDriver browser;

	protected WebDriverWait wait;

	private HttpServer server;

	@RegisterExtension
	final AfterTestExecutionCallback keepEvidence = HeadlessChromium.evidenceOnFailure(() -> this.browser);

	@BeforeEach
	void startServerAndBrowser() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.browser = HeadlessChromium.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void stopBrowserAndServer() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.server.stop(0);
	}

	/**
	 * Answers one request the page made: an API call, or a file of the site
	 * ({@link StubbedSite#file}).
	 * @param exchange the request and its answer
	 * @throws IOException if the answer cannot be written
	 */
	protected abstract void answer(HttpExchange exchange) throws IOException;

}
