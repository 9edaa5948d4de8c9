package com.littlethreads.user.auth;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;
import com.littlethreads.user.account.UserRepository;

import static com.littlethreads.user.Shoppers.PASSWORD;
import static com.littlethreads.user.Shoppers.accessToken;
import static com.littlethreads.user.Shoppers.jwtClaims;
import static com.littlethreads.user.Shoppers.jwtHeader;
import static com.littlethreads.user.Shoppers.login;
import static com.littlethreads.user.Shoppers.refreshCookie;
import static com.littlethreads.user.Shoppers.register;
import static com.littlethreads.user.Shoppers.setCookie;
import static com.littlethreads.user.Shoppers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Signing in with email and password: the tokens handed out, and failures that do not
 * tell whether an account exists.
 */
@UserServiceTest
class SignInTests extends ServiceHttpTest {

	@Autowired
	UserRepository users;

	@Test
	void signInAnswersAShortLivedAccessTokenThatIsNotCached() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);

		Response response = login(this.http, email, PASSWORD);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		JsonNode body = response.json();
		assertThat(body.get("accessToken").asString()).isNotBlank();
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isPositive().isLessThanOrEqualTo(900);
	}

	@Test
	void signInSetsAnHttpOnlyStrictRefreshCookieScopedToSignIn() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);

		Response response = login(this.http, email, PASSWORD);

		String cookie = setCookie(response.headers(), "lt_refresh");
		assertThat(cookie).isNotNull().matches("lt_refresh=[A-Za-z0-9_-]{43};.*");
		assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/api/auth");
		assertThat(response.body()).doesNotContain(refreshCookie(response));
	}

	@Test
	void theAccessTokenCarriesTheClaimsServicesCheck() {
		String email = uniqueEmail();
		String userId = register(this.http, email, PASSWORD).json().get("id").asString();

		String token = accessToken(login(this.http, email, PASSWORD));

		JsonNode header = jwtHeader(token);
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		List<String> publishedKids = new ArrayList<>();
		this.http.get("/.well-known/jwks.json")
			.json()
			.get("keys")
			.forEach((key) -> publishedKids.add(key.get("kid").asString()));
		assertThat(publishedKids).contains(header.get("kid").asString());
		JsonNode claims = jwtClaims(token);
		assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:8081");
		// RFC 7519 allows a single audience as a string or a one-element array.
		JsonNode audience = claims.get("aud");
		assertThat(audience.isArray() ? audience.toString() : "[" + audience + "]").isEqualTo("[\"little-threads\"]");
		assertThat(claims.get("sub").asString()).isEqualTo(userId);
		assertThat(claims.get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
		assertThat(claims.get("typ").asString()).isEqualTo("access");
		assertThat(claims.get("jti").asString()).isNotBlank();
		long issuedAt = claims.get("iat").asLong();
		assertThat(issuedAt).isCloseTo(System.currentTimeMillis() / 1000, within(60L));
		assertThat(claims.get("exp").asLong() - issuedAt).isPositive().isLessThanOrEqualTo(900);
	}

	@Test
	void theAccessTokenOpensTheShoppersOwnProfile() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);
		String token = accessToken(login(this.http, email, PASSWORD));

		Response me = this.http.get("/api/users/me", "Authorization", "Bearer " + token);

		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo(email);
		assertThat(this.http.get("/api/users/me").status()).isEqualTo(401);
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailFailAlike() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);

		Response wrongPassword = login(this.http, email, PASSWORD + "x");
		Response unknownEmail = login(this.http, uniqueEmail(), PASSWORD);

		for (Response response : List.of(wrongPassword, unknownEmail)) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString())
				.isEqualTo("https://littlethreads.shop/problems/invalid-credentials");
			assertThat(setCookie(response.headers(), "lt_refresh")).isNull();
		}
		assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
		assertThat(wrongPassword.json().get("title")).isEqualTo(unknownEmail.json().get("title"));
	}

	@Test
	void theEmailIsMatchedWhateverItsCase() {
		String email = uniqueEmail();
		register(this.http, email, PASSWORD);

		Response response = login(this.http, " " + email.toUpperCase() + " ", PASSWORD);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(jwtClaims(accessToken(response)).get("sub").asString())
			.isEqualTo(this.users.findByEmail(email).orElseThrow().getId());
	}

}
