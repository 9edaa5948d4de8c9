package com.littlethreads.catalog;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, altered and misused tokens against a real protected endpoint. Each one claims
 * the ADMIN role where it can, so that only the token check stands between it and the
 * admin API; a genuine ADMIN token gets in, which shows the endpoint is reachable at all.
 */
@CatalogServiceTest
class TokenAttackTests extends ServiceHttpTest {

	private static final String ADMIN_PRODUCTS = "/api/catalog/admin/products";

	private static final String UNAUTHORIZED = "https://littlethreads.shop/problems/unauthorized";

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

	@Test
	void genuineAdminTokenIsAccepted() {
		Response response = this.http.get(ADMIN_PRODUCTS, "Authorization",
				"Bearer " + TestJwts.token("admin-1", "ADMIN"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void genuineCustomerTokenIsAuthenticatedButForbidden() {
		// The tampering attack below starts from such a token: without the forged role it
		// is valid, so a 401 there is the signature check, not something else.
		Response response = this.http.get(ADMIN_PRODUCTS, "Authorization",
				"Bearer " + TestJwts.token("customer-1", "CUSTOMER"));

		assertThat(response.status()).as(response.body()).isEqualTo(403);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void attackIsUnauthorizedProblem(String token) {
		Response response = this.http.get(ADMIN_PRODUCTS, "Authorization", "Bearer " + token);

		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(UNAUTHORIZED);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.body()).doesNotContain("Exception");
	}

	static Stream<Named<String>> attacks() throws Exception {
		return Stream.of(Named.of("alg none, unsigned", unsigned("{\"alg\":\"none\"}")),
				Named.of("alg none with the real kid", unsigned("{\"alg\":\"none\",\"kid\":\"test-key-1\"}")),
				Named.of("HS256 keyed with the RSA public key's bytes", hs256(TestJwts.publicKey().getEncoded())),
				Named.of("HS256 keyed with the RSA public key's PEM text",
						hs256(pem(TestJwts.publicKey().getEncoded()).getBytes(StandardCharsets.US_ASCII))),
				Named.of("wrong issuer", TestJwts.builder().roles("ADMIN").issuer("https://evil.example").sign()),
				Named.of("wrong audience", TestJwts.builder().roles("ADMIN").audience("some-other-shop").sign()),
				Named.of("expired beyond the clock skew",
						TestJwts.builder().roles("ADMIN").expiredFor(Duration.ofMinutes(5)).sign()),
				Named.of("customer token with its payload changed to ADMIN", customerTokenRewrittenAsAdmin()),
				Named.of("unknown kid, stranger's key",
						TestJwts.builder().roles("ADMIN").keyId("no-such-key").signedByStranger().sign()),
				Named.of("unknown kid, real key", TestJwts.builder().roles("ADMIN").keyId("no-such-key").sign()),
				Named.of("stranger's key claiming the real kid",
						TestJwts.builder().roles("ADMIN").signedByStranger().sign()),
				Named.of("refresh-token-shaped opaque string", refreshTokenShaped()),
				Named.of("service token presented as a user token",
						TestJwts.builder()
							.audience("little-threads-internal")
							.claim("typ", "service")
							.roles("ADMIN")
							.sign()));
	}

	private static String unsigned(String header) {
		return BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ BASE64URL.encodeToString(adminPayload().getBytes(StandardCharsets.UTF_8)) + ".";
	}

	private static String adminPayload() {
		long now = Instant.now().getEpochSecond();
		return """
				{"iss":"%s","aud":["%s"],"sub":"attacker","iat":%d,"exp":%d,"roles":["ADMIN"],"typ":"access"}"""
			.formatted(TestJwts.ISSUER, TestJwts.AUDIENCE, now, now + 300);
	}

	/**
	 * The classic algorithm confusion: a verifier that took the algorithm from the header
	 * would check an HMAC keyed with the public key, which anyone can fetch.
	 */
	private static String hs256(byte[] secret) throws JOSEException {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestJwts.ISSUER)
			.audience(TestJwts.AUDIENCE)
			.subject("attacker")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of("ADMIN"))
			.claim("typ", "access")
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-key-1").build(), claims);
		jwt.sign(new MACSigner(secret));
		return jwt.serialize();
	}

	private static String pem(byte[] der) {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END PUBLIC KEY-----\n";
	}

	private static String customerTokenRewrittenAsAdmin() {
		String[] parts = TestJwts.token("customer-1", "CUSTOMER").split("\\.");
		String payload = new String(BASE64URL_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
		assertThat(payload).contains("\"roles\":[\"CUSTOMER\"]");
		String forged = payload.replace("\"roles\":[\"CUSTOMER\"]", "\"roles\":[\"ADMIN\"]");
		return parts[0] + "." + BASE64URL.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
	}

	private static String refreshTokenShaped() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String token = BASE64URL.encodeToString(random);
		assertThat(token).hasSize(43);
		return token;
	}

}
