package com.littlethreads.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real RS256 tokens for tests, signed with a key generated per test run and published on
 * a loopback JWKS endpoint, so services validate them exactly as they validate
 * user-service's: signature from the JWKS, issuer, audience, expiry, roles claim.
 */
public final class TestJwts {

	public static final String ISSUER = "http://localhost:8081";

	public static final String AUDIENCE = "little-threads";

	/**
	 * The audience of service tokens (the platform default).
	 */
	public static final String SERVICE_AUDIENCE = "little-threads-internal";

	private static final RSAKey KEY = generateKey("test-key-1");

	private static final RSAKey STRANGER_KEY = generateKey("test-key-1");

	private static final HttpServer JWKS_SERVER = startJwksServer();

	private TestJwts() {
	}

	/**
	 * Points the service under test at the test JWKS, issuer and audience.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwts::jwksUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
		registry.add("littlethreads.security.service-audience", () -> SERVICE_AUDIENCE);
	}

	/**
	 * The public half of the key the test JWKS publishes, for tests that forge tokens
	 * with it.
	 * @return the public key
	 */
	public static java.security.interfaces.RSAPublicKey publicKey() {
		try {
			return KEY.toRSAPublicKey();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String jwksUri() {
		return "http://127.0.0.1:" + JWKS_SERVER.getAddress().getPort() + "/.well-known/jwks.json";
	}

	/**
	 * A valid access token.
	 * @param subject the user id
	 * @param roles the user's roles, for example {@code ADMIN}
	 * @return the compact JWT
	 */
	public static String token(String subject, String... roles) {
		return builder().subject(subject).roles(roles).sign();
	}

	/**
	 * A valid service token, as user-service issues to an internal client (client
	 * credentials): service audience, {@code typ} {@code service}, space-separated
	 * scopes.
	 * @param clientId the client id, the subject
	 * @param scopes the granted scopes, for example {@code inventory:reserve}
	 * @return the compact JWT
	 */
	public static String serviceToken(String clientId, String... scopes) {
		return serviceBuilder(clientId, scopes).sign();
	}

	/**
	 * A service token builder, valid by default.
	 * @param clientId the client id, the subject
	 * @param scopes the granted scopes
	 * @return the builder
	 */
	public static Builder serviceBuilder(String clientId, String... scopes) {
		return builder().subject(clientId)
			.audience(SERVICE_AUDIENCE)
			.type("service")
			.roles()
			.claim("client_id", clientId)
			.claim("scope", String.join(" ", scopes));
	}

	public static Builder builder() {
		return new Builder();
	}

	private static RSAKey generateKey(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(keyId)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer startJwksServer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.setExecutor(null);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Builds tokens, valid by default, with any part made wrong on purpose.
	 */
	public static final class Builder {

		private String subject = UUID.randomUUID().toString();

		private String issuer = ISSUER;

		private String audience = AUDIENCE;

		private List<String> roles = List.of("CUSTOMER");

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofMinutes(5);

		private RSAKey key = KEY;

		private String type = "access";

		private String keyId;

		private final java.util.Map<String, Object> extraClaims = new java.util.LinkedHashMap<>();

		public Builder subject(String subject) {
			this.subject = subject;
			return this;
		}

		public Builder roles(String... roles) {
			this.roles = Arrays.asList(roles);
			return this;
		}

		/**
		 * The {@code typ} claim: {@code access} for user tokens, {@code service} for
		 * service tokens.
		 * @param type the claim's value
		 * @return this builder
		 */
		public Builder type(String type) {
			this.type = type;
			return this;
		}

		public Builder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public Builder audience(String audience) {
			this.audience = audience;
			return this;
		}

		/**
		 * Expired this long ago (services allow 60 s of clock skew).
		 * @param ago how long ago
		 * @return this builder
		 */
		public Builder expiredFor(Duration ago) {
			this.issuedAt = Instant.now().minus(ago).minus(this.lifetime);
			return this;
		}

		/**
		 * Claims a key id the JWKS does not have.
		 * @param keyId the key id to put in the header
		 * @return this builder
		 */
		public Builder keyId(String keyId) {
			this.keyId = keyId;
			return this;
		}

		public Builder claim(String name, Object value) {
			this.extraClaims.put(name, value);
			return this;
		}

		public Builder expired() {
			this.issuedAt = Instant.now().minus(Duration.ofHours(2));
			this.lifetime = Duration.ofMinutes(15);
			return this;
		}

		/**
		 * Signs with a key that is not in the JWKS but claims the same key id.
		 * @return this builder
		 */
		public Builder signedByStranger() {
			this.key = STRANGER_KEY;
			return this;
		}

		public String sign() {
			JwtClaimsSet.Builder claimsBuilder = JwtClaimsSet.builder()
				.issuer(this.issuer)
				.audience(List.of(this.audience))
				.subject(this.subject)
				.issuedAt(this.issuedAt)
				.expiresAt(this.issuedAt.plus(this.lifetime))
				.id(UUID.randomUUID().toString())
				.claim("typ", this.type);
			if (!this.roles.isEmpty()) {
				claimsBuilder.claim("roles", this.roles);
			}
			this.extraClaims.forEach(claimsBuilder::claim);
			JwtClaimsSet claims = claimsBuilder.build();
			String kid = (this.keyId != null) ? this.keyId : this.key.getKeyID();
			JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid).build();
			RSAKey signing = (this.keyId != null) ? new RSAKey.Builder(this.key).keyID(this.keyId).build() : this.key;
			NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signing)));
			return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		}

	}

}
