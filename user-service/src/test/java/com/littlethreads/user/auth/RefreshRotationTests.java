package com.littlethreads.user.auth;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.Shoppers.accessToken;
import static com.littlethreads.user.Shoppers.json;
import static com.littlethreads.user.Shoppers.refreshCookie;
import static com.littlethreads.user.Shoppers.setCookie;
import static com.littlethreads.user.Shoppers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staying signed in: refresh tokens rotate on every use, a reused one ends its whole
 * family, and signing out ends it too.
 */
@UserServiceTest
class RefreshRotationTests extends ServiceHttpTest {

	private static final String INVALID_REFRESH_TOKEN = "https://littlethreads.shop/problems/invalid-refresh-token";

	@Autowired
	MongoTemplate mongo;

	@Test
	void refreshingWithTheCookieAnswersANewAccessTokenAndANewRefreshCookie() {
		Response signIn = signedIn(this.http);
		String first = refreshCookie(signIn);

		Response refreshed = refreshWithCookie(first);

		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(refreshed.header("Cache-Control")).isEqualTo("no-store");
		assertThat(refreshed.json().get("tokenType").asString()).isEqualTo("Bearer");
		String newAccess = accessToken(refreshed);
		assertThat(newAccess).isNotEqualTo(accessToken(signIn));
		assertThat(this.http.get("/api/users/me", "Authorization", "Bearer " + newAccess).status()).isEqualTo(200);
		String second = refreshCookie(refreshed);
		assertThat(second).isNotBlank().isNotEqualTo(first);
		assertThat(setCookie(refreshed.headers(), "lt_refresh")).contains("; HttpOnly")
			.contains("; SameSite=Strict")
			.contains("; Path=/api/auth");
	}

	@Test
	void aRotatedRefreshTokenIsRefused() {
		String first = refreshCookie(signedIn(this.http));
		refreshWithCookie(first);

		Response again = refreshWithCookie(first);

		assertInvalidRefreshToken(again);
	}

	@Test
	void reusingARotatedRefreshTokenRevokesItsSuccessorToo() {
		String first = refreshCookie(signedIn(this.http));
		String second = refreshCookie(refreshWithCookie(first));

		assertInvalidRefreshToken(refreshWithCookie(first));

		assertInvalidRefreshToken(refreshWithCookie(second));
	}

	@Test
	void apiClientsMayRefreshWithTheTokenInTheBody() {
		String first = refreshCookie(signedIn(this.http));

		Response refreshed = this.http.send("POST", "/api/auth/refresh", json("refreshToken", first), "Content-Type",
				"application/json");

		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(accessToken(refreshed)).isNotBlank();
		String second = refreshCookie(refreshed);
		assertThat(second).isNotEqualTo(first);
		assertThat(this.http
			.send("POST", "/api/auth/refresh", json("refreshToken", second), "Content-Type", "application/json")
			.status()).isEqualTo(200);
	}

	@Test
	void signingOutClearsTheCookieAndEndsTheSession() {
		String token = refreshCookie(signedIn(this.http));

		Response logout = this.http.send("POST", "/api/auth/logout", null, "Cookie", "lt_refresh=" + token);

		assertThat(logout.status()).isEqualTo(204);
		String cleared = setCookie(logout.headers(), "lt_refresh");
		assertThat(cleared).startsWith("lt_refresh=;").contains("Max-Age=0").contains("; Path=/api/auth");
		assertInvalidRefreshToken(refreshWithCookie(token));
	}

	@Test
	void refreshingWithoutATokenIsRefused() {
		assertInvalidRefreshToken(this.http.send("POST", "/api/auth/refresh", null));
		assertInvalidRefreshToken(refreshWithCookie("made-up-token"));
	}

	@Test
	void aCookieThatIsNotValidPercentEncodingIsJustNotAToken() {
		assertInvalidRefreshToken(refreshWithCookie("%s%n%x%d"));
		assertThat(this.http.send("POST", "/api/auth/logout", null, "Cookie", "lt_refresh=%zz").status())
			.isEqualTo(204);
	}

	@Test
	void refreshTokensAreStoredOnlyAsHashes() {
		String first = refreshCookie(signedIn(this.http));
		String second = refreshCookie(refreshWithCookie(first));

		for (String token : new String[] { first, second }) {
			Document stored = this.mongo.getCollection("refreshTokens")
				.find(new Document("_id", RefreshTokens.hash(token)))
				.first();
			assertThat(stored).as("stored under its SHA-256").isNotNull();
			assertThat(RefreshTokens.hash(token)).hasSize(64);
		}
		for (String collection : new String[] { "refreshTokens", "refreshFamilies" }) {
			for (Document stored : this.mongo.getCollection(collection).find()) {
				assertThat(stored.toJson()).doesNotContain(first).doesNotContain(second);
			}
		}
	}

	private Response refreshWithCookie(String token) {
		return this.http.send("POST", "/api/auth/refresh", null, "Cookie", "lt_refresh=" + token);
	}

	static void assertInvalidRefreshToken(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(INVALID_REFRESH_TOKEN);
		assertThat(setCookie(response.headers(), "lt_refresh")).as("no new cookie").isNull();
	}

}
