package com.littlethreads.user.token;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.UserServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWKS every service fetches: public, cacheable, and only public key material.
 */
@UserServiceTest
class JwksTests extends ServiceHttpTest {

	@Test
	void theJwksNeedsNoTokenAndMayBeCached() {
		Response response = this.http.get("/.well-known/jwks.json");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/jwk-set+json");
		assertThat(response.header("Cache-Control")).contains("public").contains("max-age=");
	}

	@Test
	void everyPublishedKeyIsAnRs256SigningKeyWithoutPrivateParts() {
		JsonNode keys = this.http.get("/.well-known/jwks.json").json().get("keys");

		assertThat(keys.size()).isPositive();
		for (JsonNode key : keys) {
			assertThat(key.get("kty").asString()).isEqualTo("RSA");
			assertThat(key.get("alg").asString()).isEqualTo("RS256");
			assertThat(key.get("use").asString()).isEqualTo("sig");
			assertThat(key.get("kid").asString()).isNotBlank();
			assertThat(key.get("n").asString()).isNotBlank();
			assertThat(key.get("e").asString()).isEqualTo("AQAB");
			for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi", "oth")) {
				assertThat(key.has(privatePart)).as("has %s", privatePart).isFalse();
			}
		}
	}

}
