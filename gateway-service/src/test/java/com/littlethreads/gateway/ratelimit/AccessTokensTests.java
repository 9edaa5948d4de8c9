package com.littlethreads.gateway.ratelimit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.littlethreads.platform.test.TestJwts;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Junk bearer tokens are cheap: a counting JWKS stands in for user-service.
 */
class AccessTokensTests {

	private static final String JWKS = "/.well-known/jwks.json";

	@RegisterExtension
	static WireMockExtension users = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void aValidTokenNamesItsUserAndTheKeySetIsFetchedOnceForMany() {
		publish(testKey());
		AccessTokens tokens = tokens(Duration.ofMinutes(4));

		for (int i = 0; i < 20; i++) {
			assertThat(tokens.subject(TestJwts.token("user-ada")).block()).isEqualTo("user-ada");
		}
		users.verify(1, getRequestedFor(urlEqualTo(JWKS)));
	}

	@Test
	void manyTokensWithMadeUpKeyIdsCauseAtMostOneRefetchPerCoolDown() {
		publish(testKey());
		AccessTokens tokens = tokens(Duration.ofMinutes(4));

		for (int i = 0; i < 50; i++) {
			String junk = TestJwts.builder().subject("made-up-" + i).keyId(UUID.randomUUID().toString()).sign();
			assertThat(tokens.subject(junk).blockOptional()).isEmpty();
		}

		// The first fetch, then one refetch for an unknown key id; the cool-down holds
		// back the other 49.
		users.verify(2, getRequestedFor(urlEqualTo(JWKS)));
		assertThat(tokens.subject(TestJwts.token("user-ada")).block()).isEqualTo("user-ada");
		users.verify(2, getRequestedFor(urlEqualTo(JWKS)));
	}

	@Test
	void tokensThatAreNotOurKindOfJwtAreNeverVerifiedAndFetchNothing() throws JOSEException {
		publish(testKey());
		AccessTokens tokens = tokens(Duration.ofMinutes(4));
		String unsigned = base64("{\"alg\":\"none\"}") + "." + base64("{\"sub\":\"x\"}") + ".";
		String noKeyId = base64("{\"alg\":\"RS256\"}") + "." + base64("{\"sub\":\"x\"}") + ".c2ln";
		SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-key-1").build(),
				new JWTClaimsSet.Builder().subject("made-up").build());
		hmac.sign(new MACSigner(new byte[32]));

		for (String junk : new String[] { "not-a-jwt", "a.b", "a.b.c.d", unsigned, noKeyId, hmac.serialize(),
				"x".repeat(10_000), base64("{\"alg\":") + ".e30.c2ln" }) {
			assertThat(tokens.subject(junk).blockOptional()).as(junk).isEmpty();
		}
		users.verify(0, getRequestedFor(urlEqualTo(JWKS)));
	}

	@Test
	void aRotatedKeyIsPickedUpOnceTheCoolDownHasPassed() throws JOSEException {
		publish(testKey());
		AccessTokens tokens = tokens(Duration.ofMillis(300));
		assertThat(tokens.subject(TestJwts.token("user-ada")).block()).isEqualTo("user-ada");
		RSAKey rotated = new RSAKeyGenerator(2048).keyID("test-key-2").generate();

		publish(testKey(), rotated.toPublicJWK());
		String signedWithTheNewKey = sign(rotated, "user-bea");

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "user-bea".equals(tokens.subject(signedWithTheNewKey).block()));
	}

	private static AccessTokens tokens(Duration coolDown) {
		return AccessTokens.verifiedAgainst(URI.create(users.baseUrl() + JWKS), TestJwts.ISSUER, TestJwts.AUDIENCE,
				coolDown);
	}

	private static RSAKey testKey() {
		return new RSAKey.Builder(TestJwts.publicKey()).keyID("test-key-1").build();
	}

	private static void publish(JWK... keys) {
		users.stubFor(get(urlEqualTo(JWKS)).willReturn(okJson(new JWKSet(List.of(keys)).toString())));
	}

	private static String sign(RSAKey key, String subject) throws JOSEException {
		Instant now = Instant.now();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().subject(subject)
					.issuer(TestJwts.ISSUER)
					.audience(TestJwts.AUDIENCE)
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(300)))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
