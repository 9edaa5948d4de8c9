package com.littlethreads.e2e;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page sends the shopper on to its {@code next} parameter, and only ever to a
 * page of the same site: a link that names another origin, however it is disguised, ends
 * on the account page instead (no open redirect after sign-in).
 */
class SignInRedirectBrowserTests extends StubbedSiteTest {

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

	@Override
	protected void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (exchange.getRequestMethod().equals("POST") && path.equals("/api/auth/login")) {
			json(exchange, 200, """
					{"accessToken":"token","tokenType":"Bearer","expiresIn":900}""");
		}
		else if (path.startsWith("/api/")) {
			problem(exchange, 401, "Authentication required", "Sign in again.");
		}
		else {
			file(exchange, path);
		}
	}

}
