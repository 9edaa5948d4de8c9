package com.littlethreads.user.token;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.UserApplication;

import static com.littlethreads.user.Shoppers.accessToken;
import static com.littlethreads.user.Shoppers.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens outlive restarts: the signing key is kept (or configured), never regenerated,
 * and keys being rotated out stay published.
 */
@Tag("slow") // restarts the service
class SigningKeyRestartTests {

	@TempDir
	Path store;

	@Test
	void aTokenIssuedBeforeARestartIsAcceptedAfterIt() {
		String token;
		List<String> kidsBefore;
		try (ConfigurableApplicationContext first = start(this.store)) {
			TestHttp http = http(first);
			token = accessToken(Shoppers.signedIn(http));
			kidsBefore = kids(http);
		}

		try (ConfigurableApplicationContext second = start(this.store)) {
			TestHttp http = http(second);
			Response me = http.get("/api/users/me", "Authorization", "Bearer " + token);

			assertThat(me.status()).as(me.body()).isEqualTo(200);
			assertThat(kids(http)).isEqualTo(kidsBefore).contains(jwtHeader(token).get("kid").asString());
		}
	}

	@Test
	void aConfiguredSigningKeySignsTokensAndIsPublishedUnderItsThumbprint() throws Exception {
		KeyPair pair = rsaKeyPair();
		String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();

		try (ConfigurableApplicationContext context = start(this.store,
				"--users.tokens.signing-key=" + pem("PRIVATE KEY", pair.getPrivate().getEncoded()))) {
			TestHttp http = http(context);
			String token = accessToken(Shoppers.signedIn(http));

			assertThat(kids(http)).containsExactly(kid);
			assertThat(jwtHeader(token).get("kid").asString()).isEqualTo(kid);
			NimbusJwtDecoder verifier = NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
			assertThat(verifier.decode(token).getSubject()).isNotBlank();
			assertThat(http.get("/api/users/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
		}
	}

	@Test
	void aSigningKeyFileIsReadWhenNoKeyIsGivenInline() throws Exception {
		KeyPair pair = rsaKeyPair();
		String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("signing-key", ".pem");
		java.nio.file.Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

		try (ConfigurableApplicationContext context = start(this.store,
				"--users.tokens.signing-key-location=" + file)) {
			TestHttp http = http(context);
			String token = accessToken(Shoppers.signedIn(http));

			assertThat(kids(http)).containsExactly(kid);
			assertThat(jwtHeader(token).get("kid").asString()).isEqualTo(kid);
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

	@Test
	void aPreviousPublicKeyStaysPublishedBesideTheSigningKey() throws Exception {
		KeyPair current = rsaKeyPair();
		KeyPair previous = rsaKeyPair();
		String currentKid = new RSAKey.Builder((RSAPublicKey) current.getPublic()).build()
			.computeThumbprint()
			.toString();
		String previousKid = new RSAKey.Builder((RSAPublicKey) previous.getPublic()).build()
			.computeThumbprint()
			.toString();

		try (ConfigurableApplicationContext context = start(this.store,
				"--users.tokens.signing-key=" + pem("PRIVATE KEY", current.getPrivate().getEncoded()),
				"--users.tokens.previous-public-keys[0]=" + pem("PUBLIC KEY", previous.getPublic().getEncoded()))) {
			assertThat(kids(http(context))).containsExactlyInAnyOrder(currentKid, previousKid);
		}
	}

	private static ConfigurableApplicationContext start(Path store, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--littlethreads.embedded-mongo.enabled=true",
				"--littlethreads.embedded-mongo.data-directory=" + store, "--users.auth.secure-cookie=false"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(UserApplication.class).run(args.toArray(String[]::new));
	}

	private static TestHttp http(ConfigurableApplicationContext context) {
		return new TestHttp(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

	private static List<String> kids(TestHttp http) {
		List<String> kids = new ArrayList<>();
		http.get("/.well-known/jwks.json").json().get("keys").forEach((key) -> kids.add(key.get("kid").asString()));
		return kids;
	}

	private static KeyPair rsaKeyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
