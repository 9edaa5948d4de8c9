package com.littlethreads.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page sends the shopper on to its {@code next} parameter, and only ever to a
 * page of the same site: a link that names another origin, however it is disguised, ends
 * on the account page instead (no open redirect after sign-in).
 */
class SignInRedirectBrowserTests {

	private HttpServer server;

	private String base;

	private WebDriver browser;

	private WebDriverWait wait;

	@RegisterExtension
	final AfterTestExecutionCallback keepEvidence = HeadlessChromium.evidenceOnFailure(() -> this.browser);

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.browser = HeadlessChromium.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.server.stop(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example/", "/\\evil.example/", "/\\/evil.example/", "/\t/evil.example/",
			"/\n/evil.example/", "https://evil.example/", "javascript:alert(1)" })
	void aNextParameterNamingAnotherOriginEndsOnTheAccountPage(String next) {
		String landed = signInWith(next);

		assertThat(landed).as("after sign-in with next=%s", next).startsWith(this.base + "/account/");
	}

	@Test
	void aNextParameterNamingAPageOfTheSiteIsFollowedWithItsQueryAndFragment() {
		String landed = signInWith("/cart/?from=sign-in#lines");

		assertThat(landed).isEqualTo(this.base + "/cart/?from=sign-in#lines");
	}

	private String signInWith(String next) {
		String page = this.base + "/account/sign-in/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
		this.browser.get(page);
		this.browser.findElement(By.id("login-email")).sendKeys("shopper@example.com");
		this.browser.findElement(By.id("login-password")).sendKeys("a long enough passphrase");
		this.browser.findElement(By.cssSelector("#sign-in button[type='submit']")).click();
		this.wait.until((browser) -> !page.equals(browser.getCurrentUrl()));
		return this.browser.getCurrentUrl();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (exchange.getRequestMethod().equals("POST") && path.equals("/api/auth/login")) {
			StubbedSite.json(exchange, 200, """
					{"accessToken":"token","tokenType":"Bearer","expiresIn":900}""");
		}
		else if (path.startsWith("/api/")) {
			StubbedSite.problem(exchange, 401, "Authentication required", "Sign in again.");
		}
		else {
			StubbedSite.file(exchange, path);
		}
	}

}
