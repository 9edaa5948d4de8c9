package com.littlethreads.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

	private ExecutorService answering;

	@RegisterExtension
	final AfterTestExecutionCallback keepEvidence = HeadlessChromium.evidenceOnFailure(() -> this.browser);

	@BeforeEach
	void startServerAndBrowser() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		// One thread per request, as a real server: an answer a test holds back must not
		// hold up the page's other files.
		this.answering = Executors.newCachedThreadPool();
		this.server.setExecutor(this.answering);
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.browser = startBrowser();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void stopBrowserAndServer() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.server.stop(0);
		this.answering.shutdownNow();
	}

	/**
	 * The browser the test drives: a desktop-sized window unless a test needs another
	 * screen ({@link HeadlessChromium#phone()}).
	 * @return the started browser
	 */
	protected WebDriver startBrowser() {
		return HeadlessChromium.start();
	}

	/**
	 * Answers one request the page made: an API call, or a file of the site
	 * ({@link StubbedSite#file}).
	 * @param exchange the request and its answer
	 * @throws IOException if the answer cannot be written
	 */
	protected abstract void answer(HttpExchange exchange) throws IOException;

}
