package com.littlethreads.user.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.mongodb.ConnectionString;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.littlethreads.platform.test.MutableClock;
import com.littlethreads.platform.test.TestHttp;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.UserApplication;

import static com.littlethreads.user.Shoppers.accessToken;
import static com.littlethreads.user.Shoppers.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several user-service instances on one store share one key ring: they sign with the same
 * key, accept each other's tokens, and rotate together when a key is added to the
 * directory they read (a mounted Secret), without signing anyone out. One clock, shared
 * by the instances, is moved instead of waiting. Run on the embedded store and on
 * MongoDB.
 */
@Tag("slow") // several applications per test
abstract class SigningKeyRotationContract {

	static final MutableClock CLOCK = new MutableClock();

	@TempDir
	Path keys;

	private String storeUri;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeEach
	void oneStore() {
		CLOCK.reset();
		this.storeUri = openStore();
	}

	/**
	 * A store for one test, empty.
	 * @return its connection string, naming a database of its own
	 */
	protected abstract String openStore();

	protected abstract void closeStore();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		closeStore();
	}

	@Test
	void instancesStartedTogetherInLocalModeShareOneGeneratedKey() {
		// Spring Boot's logging system is one per JVM, and setting it up from several
		// threads at once races (a start then fails on a property another one has just
		// reset): only the first instance sets it up. In production each instance is a
		// process of its own.
		List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(
				CompletableFuture.supplyAsync(() -> start(builder())),
				CompletableFuture.supplyAsync(() -> start(withoutLoggingSetUp(builder()))),
				CompletableFuture.supplyAsync(() -> start(withoutLoggingSetUp(builder()))));
		List<TestHttp> three = starting.stream()
			.map(CompletableFuture::join)
			.map(SigningKeyRotationContract::http)
			.toList();

		assertThat(kids(three.get(0))).hasSize(1).isEqualTo(kids(three.get(1))).isEqualTo(kids(three.get(2)));
		String token = accessToken(Shoppers.signedIn(three.get(0)));
		assertThat(me(three.get(1), token)).isEqualTo(200);
		assertThat(me(three.get(2), token)).isEqualTo(200);
	}

	@Test
	void instancesGivenOneKeySignWithItAndAcceptEachOthersTokens() throws Exception {
		String kid = writeKey("signing-key.pem");
		TestHttp first = http(start("--users.tokens.signing-key-location=" + this.keys));
		TestHttp second = http(start("--users.tokens.signing-key-location=" + this.keys));

		String token = accessToken(Shoppers.signedIn(first));

		assertThat(jwtHeader(token).get("kid").asString()).isEqualTo(kid);
		assertThat(me(second, token)).isEqualTo(200);
		assertThat(kids(first)).containsExactly(kid).isEqualTo(kids(second));
		assertThat(this.instances.get(0).getBean(MongoTemplate.class).findAll(StoredSigningKey.class))
			.allSatisfy((key) -> assertThat(key.privateKey()).as("a configured key's private part").isNull());
	}

	@Test
	void aKeyAddedToTheDirectoryIsPublishedFirstThenSignsWhileTheOldKeysTokensStayValid() throws Exception {
		String oldKid = writeKey("signing-key.pem");
		TestHttp first = http(start("--users.tokens.signing-key-location=" + this.keys));
		TestHttp second = http(start("--users.tokens.signing-key-location=" + this.keys));
		String oldToken = accessToken(Shoppers.signedIn(first));

		// The operator adds a key to the Secret; the instances see it at their next
		// refresh.
		String newKid = writeKey("signing-key-2.pem");
		CLOCK.advance(Duration.ofSeconds(11));

		assertThat(kids(first)).containsExactlyInAnyOrder(oldKid, newKid);
		assertThat(kids(second)).containsExactlyInAnyOrder(oldKid, newKid);
		assertThat(kid(accessToken(Shoppers.signedIn(second)))).as("published, not yet signing").isEqualTo(oldKid);

		CLOCK.advance(Duration.ofMinutes(6));

		String newToken = accessToken(Shoppers.signedIn(second));
		assertThat(kid(newToken)).isEqualTo(newKid);
		assertThat(kid(accessToken(Shoppers.signedIn(first)))).isEqualTo(newKid);
		for (TestHttp instance : List.of(first, second)) {
			assertThat(me(instance, oldToken)).as("a token of the previous key").isEqualTo(200);
			assertThat(me(instance, newToken)).isEqualTo(200);
		}
		NimbusJwtDecoder verifier = NimbusJwtDecoder
			.withJwkSetUri("http://127.0.0.1:" + port(this.instances.get(0)) + "/.well-known/jwks.json")
			.build();
		assertThat(verifier.decode(oldToken).getSubject()).as("another service, through the JWKS").isNotBlank();
		assertThat(verifier.decode(newToken).getSubject()).isNotBlank();

		// Once every token the old key signed has expired, it is no longer published.
		CLOCK.advance(Duration.ofMinutes(17));
		assertThat(kids(first)).containsExactly(newKid);
		assertThat(kids(second)).containsExactly(newKid);
	}

	private ConfigurableApplicationContext start(String... more) {
		return start(builder(), more);
	}

	private ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mongodb.uri=" + this.storeUri,
				"--spring.mongodb.database=" + new ConnectionString(this.storeUri).getDatabase(),
				"--users.auth.secure-cookie=false"));
		args.addAll(List.of(more));
		ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
		synchronized (this.instances) {
			this.instances.add(context);
		}
		return context;
	}

	private static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(UserApplication.class, SharedClock.class);
	}

	private static SpringApplicationBuilder withoutLoggingSetUp(SpringApplicationBuilder builder) {
		SpringApplication application = builder.application();
		application.setListeners(application.getListeners()
			.stream()
			.filter((listener) -> !(listener instanceof LoggingApplicationListener))
			.toList());
		return builder;
	}

	private String writeKey(String name) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		Files.writeString(this.keys.resolve(name),
				"-----BEGIN PRIVATE KEY-----\n"
						+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static TestHttp http(ConfigurableApplicationContext context) {
		return new TestHttp(port(context));
	}

	private static int me(TestHttp http, String token) {
		return http.get("/api/users/me", "Authorization", "Bearer " + token).status();
	}

	private static String kid(String token) {
		return jwtHeader(token).get("kid").asString();
	}

	private static List<String> kids(TestHttp http) {
		List<String> kids = new ArrayList<>();
		http.get("/.well-known/jwks.json").json().get("keys").forEach((key) -> kids.add(key.get("kid").asString()));
		return kids;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		@Primary
		MutableClock sharedClock() {
			return CLOCK;
		}

	}

}
