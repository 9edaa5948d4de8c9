package com.littlethreads.platform.security;

import org.junit.jupiter.api.Test;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class ServiceTokenTests extends ServiceHttpTest {

	@Test
	void serviceTokenWithTheScopeReachesAnInternalEndpoint() {
		Response response = bearer(TestJwts.serviceToken("payment-service", "probe:reserve"), "/internal/probe/stock");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("client").asString()).isEqualTo("payment-service");
	}

	@Test
	void serviceTokenWithoutTheScopeIsForbiddenProblem() {
		Response response = bearer(TestJwts.serviceToken("payment-service", "other:read"), "/internal/probe/stock");

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(ProblemType.FORBIDDEN.uri().toString());
		assertThat(response.header("WWW-Authenticate")).contains("insufficient_scope");
	}

	@Test
	void serviceTokenWithAnyScopeIsAuthenticatedOnInternalPaths() {
		Response response = bearer(TestJwts.serviceToken("payment-service"), "/internal/probe/any");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void userTokenOnAnInternalPathIsUnauthorizedEvenForAnAdmin() {
		assertUnauthorized(bearer(TestJwts.token("admin-1", "ADMIN"), "/internal/probe/stock"));
		assertUnauthorized(bearer(TestJwts.token("admin-1", "ADMIN"), "/internal/probe/any"));
	}

	@Test
	void userTokenCarryingTheScopeIsStillUnauthorizedOnInternalPaths() {
		String token = TestJwts.builder().roles("ADMIN").claim("scope", "probe:reserve").sign();

		assertUnauthorized(bearer(token, "/internal/probe/stock"));
	}

	@Test
	void serviceTokenOnAUserPathIsUnauthorized() {
		assertUnauthorized(bearer(TestJwts.serviceToken("payment-service", "probe:reserve"), "/probe/me"));
	}

	@Test
	void serviceAudienceWithAccessTypeIsRefusedOnInternalPaths() {
		String token = TestJwts.serviceBuilder("payment-service", "probe:reserve").type("access").sign();

		assertUnauthorized(bearer(token, "/internal/probe/stock"));
	}

	@Test
	void userAudienceWithServiceTypeIsRefusedOnUserPaths() {
		String token = TestJwts.builder().subject("user-1").type("service").sign();

		assertUnauthorized(bearer(token, "/probe/me"));
	}

	@Test
	void serviceTokenForAnotherAudienceIsRefused() {
		String token = TestJwts.serviceBuilder("payment-service", "probe:reserve").audience(TestJwts.AUDIENCE).sign();

		assertUnauthorized(bearer(token, "/internal/probe/stock"));
	}

	@Test
	void serviceTokenFromAnotherIssuerIsRefused() {
		String token = TestJwts.serviceBuilder("payment-service", "probe:reserve")
			.issuer("https://evil.example")
			.sign();

		assertUnauthorized(bearer(token, "/internal/probe/stock"));
	}

	@Test
	void expiredServiceTokenIsRefused() {
		String token = TestJwts.serviceBuilder("payment-service", "probe:reserve").expired().sign();

		assertUnauthorized(bearer(token, "/internal/probe/stock"));
	}

	@Test
	void serviceTokenSignedOutsideTheJwksIsRefused() {
		String token = TestJwts.serviceBuilder("payment-service", "probe:reserve").signedByStranger().sign();

		assertUnauthorized(bearer(token, "/internal/probe/stock"));
	}

	@Test
	void anonymousOnAnInternalPathIsUnauthorizedWithChallenge() {
		Response response = this.http.get("/internal/probe/any");

		assertUnauthorized(response);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	private Response bearer(String token, String path) {
		return this.http.get(path, "Authorization", "Bearer " + token);
	}

	private static void assertUnauthorized(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(ProblemType.UNAUTHORIZED.uri().toString());
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

}
