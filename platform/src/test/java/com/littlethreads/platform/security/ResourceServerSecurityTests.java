package com.littlethreads.platform.security;

import org.junit.jupiter.api.Test;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class ResourceServerSecurityTests extends ServiceHttpTest {

	@Test
	void validTokenFromTheJwksIsAccepted() {
		Response response = this.http.get("/probe/me", "Authorization", "Bearer " + TestJwts.token("user-42"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("subject").asString()).isEqualTo("user-42");
	}

	@Test
	void missingTokenIsUnauthorizedProblemWithChallenge() {
		Response response = this.http.get("/probe/me");

		assertUnauthorized(response);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void badTokenChallengeSaysInvalidTokenAndNamesNoInternalAddress() {
		Response response = bearer(TestJwts.builder().audience("someone-else").sign());

		assertUnauthorized(response);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"")
			.doesNotContain("resource_metadata")
			.doesNotContain("127.0.0.1")
			.doesNotContain("localhost");
	}

	@Test
	void tokenForAnotherAudienceIsRefused() {
		assertUnauthorized(bearer(TestJwts.builder().audience("payments-internal").sign()));
	}

	@Test
	void tokenFromAnotherIssuerIsRefused() {
		assertUnauthorized(bearer(TestJwts.builder().issuer("https://evil.example").sign()));
	}

	@Test
	void expiredTokenIsRefused() {
		assertUnauthorized(bearer(TestJwts.builder().expired().sign()));
	}

	@Test
	void tokenSignedWithAKeyOutsideTheJwksIsRefused() {
		assertUnauthorized(bearer(TestJwts.builder().signedByStranger().sign()));
	}

	@Test
	void unsignedTokenIsRefused() {
		String valid = TestJwts.token("user-1", "ADMIN");
		String[] parts = valid.split("\\.");
		String noneHeader = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes());
		assertUnauthorized(bearer(noneHeader + "." + parts[1] + "."));
	}

	@Test
	void garbageTokenIsRefused() {
		assertUnauthorized(bearer("not-a-jwt"));
	}

	@Test
	void missingRoleIsForbiddenProblem() {
		Response response = bearer(TestJwts.token("user-1", "CUSTOMER"), "/probe/admin/area");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(ProblemType.FORBIDDEN.uri().toString());
		assertThat(response.json().get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
	}

	@Test
	void roleFromTheRolesClaimGrantsAccess() {
		Response response = bearer(TestJwts.token("admin-1", "ADMIN"), "/probe/admin/area");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("admin");
	}

	@Test
	void anonymousOnAdminAreaIsUnauthorizedNotForbidden() {
		assertUnauthorized(this.http.get("/probe/admin/area"));
	}

	@Test
	void noSessionCookieIsEverIssued() {
		Response response = bearer(TestJwts.token("user-42"));

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void healthProbesArePublicAndReadinessChecksTheStore() {
		assertThat(this.http.get("/actuator/health/liveness").status()).isEqualTo(200);
		Response readiness = this.http.get("/actuator/health/readiness");
		assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
	}

	private Response bearer(String token) {
		return bearer(token, "/probe/me");
	}

	private Response bearer(String token, String path) {
		return this.http.get(path, "Authorization", "Bearer " + token);
	}

	private static void assertUnauthorized(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(ProblemType.UNAUTHORIZED.uri().toString());
		assertThat(response.json().get("requestId").asString()).isNotBlank();
	}

}
