package com.littlethreads.user.client;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.Concurrently;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.Shoppers.jwtClaims;
import static com.littlethreads.user.Shoppers.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Internal clients exchange their credentials for service tokens (RFC 6749 section 4.4),
 * and those tokens are no user's access token.
 */
@UserServiceTest
@TestPropertySource(properties = { "users.clients.payment-service.secret=test-only-secret-7f3a9c",
		"users.clients.payment-service.scopes[0]=inventory:reserve",
		"users.clients.payment-service.scopes[1]=orders:read", "users.clients.unconfigured-service.scopes[0]=x",
		"users.auth.failures-per-address=5" })
class ClientCredentialsTests extends ServiceHttpTest {

	private static final String CLIENT = "payment-service";

	private static final String SECRET = "test-only-secret-7f3a9c";

	@Test
	void aClientAuthenticatedWithHttpBasicGetsAServiceTokenForAllItsScopes() throws Exception {
		Response response = token("grant_type=client_credentials", basic(CLIENT, SECRET));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		JsonNode body = response.json();
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(300);
		assertThat(body.get("scope").asString()).isEqualTo("inventory:reserve orders:read");
		String token = body.get("access_token").asString();
		JsonNode header = jwtHeader(token);
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		JsonNode claims = jwtClaims(token);
		assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:8081");
		JsonNode audience = claims.get("aud");
		assertThat(audience.isArray() ? audience.get(0).asString() : audience.asString())
			.isEqualTo("little-threads-internal");
		assertThat(claims.get("sub").asString()).isEqualTo(CLIENT);
		assertThat(claims.get("scope").asString()).isEqualTo("inventory:reserve orders:read");
		assertThat(claims.get("typ").asString()).isEqualTo("service");
		assertThat(claims.get("jti").asString()).isNotBlank();
		assertThat(claims.get("iat").asLong()).isCloseTo(System.currentTimeMillis() / 1000, within(60L));
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
		// Signed with the key the JWKS publishes under the header's kid.
		JWKSet jwks = JWKSet.parse(this.http.get("/.well-known/jwks.json").body());
		RSAKey key = (RSAKey) jwks.getKeyByKeyId(header.get("kid").asString());
		assertThat(key).isNotNull();
		RSAPublicKey publicKey = key.toRSAPublicKey();
		assertThat(NimbusJwtDecoder.withPublicKey(publicKey).build().decode(token).getSubject()).isEqualTo(CLIENT);
	}

	@Test
	void aClientMayAuthenticateWithFormFieldsAndAskForASubsetOfItsScopes() {
		Response response = token(
				"grant_type=client_credentials&scope=orders:read&client_id=" + CLIENT + "&client_secret=" + SECRET);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("scope").asString()).isEqualTo("orders:read");
		assertThat(jwtClaims(response.json().get("access_token").asString()).get("scope").asString())
			.isEqualTo("orders:read");
	}

	@Test
	void anUnknownClientAndAWrongSecretGetTheSameInvalidClientAnswer() {
		// From an address of its own, so that these failures slow no other test down.
		String[] from = { "X-Forwarded-For", "203.0.113.90" };
		Response unknown = token("grant_type=client_credentials", concat(basic("stranger-service", SECRET), from));
		Response wrongSecret = token("grant_type=client_credentials", concat(basic(CLIENT, SECRET + "x"), from));
		Response noSecretConfigured = token("grant_type=client_credentials",
				concat(basic("unconfigured-service", ""), from));
		Response noCredentials = token("grant_type=client_credentials", from);

		for (Response response : List.of(unknown, wrongSecret, noSecretConfigured, noCredentials)) {
			assertThat(response.status()).as(response.body()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
			assertThat(response.json().get("type").asString())
				.isEqualTo("https://littlethreads.shop/problems/invalid-client");
			assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
			assertThat(response.body()).doesNotContain("access_token");
		}
		assertThat(withoutRequestId(unknown)).isEqualTo(withoutRequestId(wrongSecret));
	}

	@Test
	void anyOtherGrantTypeIsUnsupported() {
		Response response = token("grant_type=password&username=a&password=b", basic(CLIENT, SECRET));

		assertOAuthError(response, 400, "unsupported_grant_type");
	}

	@Test
	void aScopeTheClientDoesNotHaveIsRefused() {
		Response response = token("grant_type=client_credentials&scope=orders:read%20users:admin",
				basic(CLIENT, SECRET));

		assertOAuthError(response, 400, "invalid_scope");
	}

	@Test
	void aMissingGrantTypeIsAnInvalidRequest() {
		assertOAuthError(token("scope=orders:read", basic(CLIENT, SECRET)), 400, "invalid_request");
		assertOAuthError(token("grant_type=client_credentials&client_secret=" + SECRET, basic(CLIENT, SECRET)), 400,
				"invalid_request");
	}

	@Test
	void aServiceTokenIsRefusedWhereAUserAccessTokenIsExpected() {
		String token = token("grant_type=client_credentials", basic(CLIENT, SECRET)).json()
			.get("access_token")
			.asString();

		Response me = this.http.get("/api/users/me", "Authorization", "Bearer " + token);

		// Refused as a token, not merely because no account has the client's id.
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
		assertThat(me.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
	}

	@Test
	void repeatedFailedClientAuthenticationsFromOneAddressAreSlowedDown() {
		String[] attacker = { "X-Forwarded-For", "203.0.113.77" };
		for (int i = 0; i < 5; i++) {
			assertOAuthError(token("grant_type=client_credentials", concat(basic(CLIENT, "guess-" + i), attacker)), 401,
					"invalid_client");
		}

		Response refused = token("grant_type=client_credentials", concat(basic(CLIENT, SECRET), attacker));

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.json().get("type").asString())
			.isEqualTo("https://littlethreads.shop/problems/too-many-attempts");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(token("grant_type=client_credentials",
				concat(basic(CLIENT, SECRET), new String[] { "X-Forwarded-For", "203.0.113.78" }))
			.status()).isEqualTo(200);
	}

	@Test
	void aBurstOfWrongSecretsFromOneAddressHasOnlyTheAddressLimitChecked() {
		String[] attacker = { "X-Forwarded-For", "203.0.113.79" };

		List<Response> burst = Concurrently.run(30,
				(i) -> token("grant_type=client_credentials", concat(basic(CLIENT, "guess-" + i), attacker)));

		assertThat(burst).extracting(Response::status).containsOnly(401, 429);
		assertThat(burst).filteredOn((response) -> response.status() == 401).hasSize(5);
		for (Response refused : burst.stream().filter((response) -> response.status() == 429).toList()) {
			assertThat(refused.json().get("type").asString())
				.isEqualTo("https://littlethreads.shop/problems/too-many-attempts");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		}
	}

	@Test
	void successfulAndMalformedRequestsDoNotUseUpTheLimit() {
		String[] from = { "X-Forwarded-For", "203.0.113.91" };
		for (int i = 0; i < 3; i++) {
			assertOAuthError(token("grant_type=client_credentials", concat(basic(CLIENT, "guess-" + i), from)), 401,
					"invalid_client");
		}
		for (int i = 0; i < 5; i++) {
			assertThat(token("grant_type=client_credentials", concat(basic(CLIENT, SECRET), from)).status())
				.isEqualTo(200);
			assertOAuthError(
					token("grant_type=client_credentials&client_secret=" + SECRET, concat(basic(CLIENT, SECRET), from)),
					400, "invalid_request");
		}

		// Two failures were left, and still are.
		assertOAuthError(token("grant_type=client_credentials", concat(basic(CLIENT, "guess-3"), from)), 401,
				"invalid_client");
		assertOAuthError(token("grant_type=client_credentials", concat(basic(CLIENT, "guess-4"), from)), 401,
				"invalid_client");
		assertThat(token("grant_type=client_credentials", concat(basic(CLIENT, SECRET), from)).status()).isEqualTo(429);
	}

	@Test
	void theTokenEndpointIsLeftOutOfThePublicDocument() {
		// Between the services only: the gateway never routes it, so no storefront can
		// call it.
		JsonNode paths = this.http.get("/v3/api-docs").json().get("paths");

		assertThat(paths.has("/oauth2/token")).isFalse();
		assertThat(paths.has("/api/auth/login")).isTrue();
	}

	private static String[] concat(String[] first, String[] second) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		return all.toArray(String[]::new);
	}

	private Response token(String form, String... headers) {
		List<String> all = new ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded"));
		all.addAll(List.of(headers));
		return this.http.send("POST", "/oauth2/token", form, all.toArray(String[]::new));
	}

	private static String[] basic(String clientId, String secret) {
		String credentials = Base64.getEncoder()
			.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return new String[] { "Authorization", "Basic " + credentials };
	}

	private static void assertOAuthError(Response response, int status, String error) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("error").asString()).isEqualTo(error);
		assertThat(response.json().get("type").asString())
			.isEqualTo("https://littlethreads.shop/problems/" + error.replace('_', '-'));
		assertThat(response.body()).doesNotContain("access_token");
	}

	private static String withoutRequestId(Response response) {
		JsonNode body = response.json();
		((tools.jackson.databind.node.ObjectNode) body).remove("requestId");
		return body.toString();
	}

}
