package com.littlethreads.user.auth;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.littlethreads.platform.test.MutableClock;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.Shoppers.refreshCookie;
import static com.littlethreads.user.Shoppers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens stop working when their lifetime (30 days by default) is over. The
 * service's clock is moved, rather than waited for.
 */
@UserServiceTest
@Import(RefreshTokenExpiryTests.TestClock.class)
class RefreshTokenExpiryTests extends ServiceHttpTest {

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anExpiredRefreshTokenIsRefused() {
		String token = refreshCookie(signedIn(this.http));

		this.clock.advance(Duration.ofDays(30).plusSeconds(1));
		Response response = this.http.send("POST", "/api/auth/refresh", null, "Cookie", "lt_refresh=" + token);

		RefreshRotationTests.assertInvalidRefreshToken(response);
	}

	@Test
	void aRefreshTokenStillWorksJustBeforeItsLifetimeEnds() {
		String token = refreshCookie(signedIn(this.http));

		this.clock.advance(Duration.ofDays(30).minusSeconds(1));
		Response response = this.http.send("POST", "/api/auth/refresh", null, "Cookie", "lt_refresh=" + token);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
