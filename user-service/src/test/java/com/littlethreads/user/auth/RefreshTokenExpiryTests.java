package com.littlethreads.user.auth;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.Shoppers.refreshCookie;
import static com.littlethreads.user.Shoppers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens stop working when their lifetime is over.
 */
@UserServiceTest
@TestPropertySource(properties = "users.tokens.refresh-token-lifetime=2s")
class RefreshTokenExpiryTests extends ServiceHttpTest {

	@Test
	void anExpiredRefreshTokenIsRefused() throws InterruptedException {
		String token = refreshCookie(signedIn(this.http));

		Thread.sleep(2500);
		Response response = this.http.send("POST", "/api/auth/refresh", null, "Cookie", "lt_refresh=" + token);

		RefreshRotationTests.assertInvalidRefreshToken(response);
	}

	@Test
	void aFreshRefreshTokenStillWorksUnderTheShortLifetime() {
		String token = refreshCookie(signedIn(this.http));

		Response response = this.http.send("POST", "/api/auth/refresh", null, "Cookie", "lt_refresh=" + token);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

}
