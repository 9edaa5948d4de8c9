package com.littlethreads.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.HostileInputs;
import com.littlethreads.platform.test.HostileInputs.Baseline;
import com.littlethreads.platform.test.HostileInputs.Pool;
import com.littlethreads.platform.test.HostileInputs.Values;
import com.littlethreads.platform.test.OpenApiOperations.Operation;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;
import com.littlethreads.user.account.Role;
import com.littlethreads.user.account.User;
import com.littlethreads.user.account.UserRepository;
import com.littlethreads.user.token.AccessTokens;
import com.littlethreads.user.token.SigningKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the accounts API's OpenAPI document, sent the hostile-input corpus:
 * no 5xx, every 4xx a problem, no stack trace, class name or framework page, and what the
 * shared rules refuse is refused (see {@link HostileInputs}).
 * <p>
 * Accounts are stored directly and their tokens issued by the service's own
 * {@link AccessTokens}, so that a fresh account for each request that uses one up (a
 * deleted account, a full address book) costs no password hashing.
 */
@Tag("slow") // the hostile-input corpus against every operation
@UserServiceTest
@TestPropertySource(properties = {
		// A few hundred refused sign-ins and client authentications come from one
		// address: without room for them every later request would only see the 429.
		"users.auth.failures-per-address=1000000", "users.auth.failures-per-account=1000000",
		"users.clients.hostile-suite.secret=" + HostileInputTests.CLIENT_SECRET,
		"users.clients.hostile-suite.scopes=inventory:reserve" })
@DirtiesContext // It stores accounts with hostile names no other test may see.
class HostileInputTests extends ServiceHttpTest {

	static final String CLIENT_SECRET = "hostile-suite-client-secret";

	private static final int THREADS = 3;

	private static final String PASSWORD = Shoppers.PASSWORD;

	@Autowired
	UserRepository users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AccessTokens accessTokens;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	Clock clock;

	private final AtomicInteger counter = new AtomicInteger();

	private String passwordHash;

	@Test
	void everyOperationAnswersHostileInputWithAProblemAndNothingWorse() {
		this.passwordHash = this.passwords.encode(PASSWORD);
		Account shopper = withAddress(account(Role.CUSTOMER));
		Account admin = account(Role.CUSTOMER, Role.ADMIN);
		Account signingIn = account(Role.CUSTOMER);
		// Requests that change or use up an account each borrow one: an account is one
		// versioned document, and overlapping changes would conflict with each other.
		Pool<Account> accounts = new Pool<>(THREADS, () -> withAddress(account(Role.CUSTOMER)));
		Sessions sessions = new Sessions(signingIn.email());
		String serviceToken = serviceToken();

		HostileInputs.against("user-service", this.port).threads(THREADS).fixture(new HostileInputs.Fixture() {

			@Override
			public List<Baseline> baselines(Operation operation) {
				return switch (operation.key()) {
					case "POST /api/auth/refresh", "POST /api/auth/logout" ->
						// Each answer rotates the token the next request sends.
						List.of(Baseline.of("cookie", () -> sessions.values(false)).inSequence(),
								Baseline.of("body", () -> sessions.values(true)).inSequence());
					default -> List.of(Baseline.of("valid", () -> values(operation)));
				};
			}

			private Values values(Operation operation) {
				int n = HostileInputTests.this.counter.incrementAndGet();
				return switch (operation.key()) {
					case "GET /api/users/me", "GET /api/users/me/addresses" -> new Values().bearer(shopper.token());
					case "GET /api/users/me/addresses/{id}" ->
						new Values().bearer(shopper.token()).path("id", shopper.addressId());
					case "PATCH /api/users/me" -> accounts.lend((account) -> new Values().bearer(account.token()));
					case "DELETE /api/users/me" ->
						accounts.lendUntilUsedUp((account) -> new Values().bearer(account.token()));
					// A hostile new password the policy accepts changes the password: the
					// account is replaced after every change, so the next one still knows
					// it.
					case "PUT /api/users/me/password" ->
						accounts.lendUntilUsedUp((account) -> new Values().bearer(account.token())
							.set("/currentPassword", PASSWORD)
							.set("/newPassword", PASSWORD));
					case "POST /api/users/me/addresses" ->
						accounts.lendUntilUsedUp((account) -> address(new Values().bearer(account.token())));
					case "PUT /api/users/me/addresses/{id}" -> accounts.lend(
							(account) -> address(new Values().bearer(account.token()).path("id", account.addressId())));
					case "DELETE /api/users/me/addresses/{id}" -> accounts.lendUntilUsedUp(
							(account) -> new Values().bearer(account.token()).path("id", account.addressId()));
					case "GET /api/users/admin/users" -> new Values().bearer(admin.token());
					case "GET /api/users/admin/users/{id}" ->
						new Values().bearer(admin.token()).path("id", shopper.id());
					case "PUT /api/users/admin/users/{id}/roles/{role}",
							"DELETE /api/users/admin/users/{id}/roles/{role}" ->
						accounts.lend((account) -> new Values().bearer(admin.token())
							.path("id", account.id())
							.path("role", "ADMIN"));
					case "POST /api/auth/register" ->
						new Values().set("/email", "hostile-" + n + "@example.com").set("/password", PASSWORD);
					case "POST /api/auth/login" ->
						new Values().set("/email", signingIn.email()).set("/password", PASSWORD);
					case "POST /oauth2/token" ->
						new Values().header("Authorization", "Basic " + base64("hostile-suite:" + CLIENT_SECRET))
							.form("grant_type", "client_credentials")
							.form("scope", "inventory:reserve");
					default -> new Values();
				};
			}

			@Override
			public Map<String, String> foreignTokens(Operation operation) {
				Map<String, String> tokens = new LinkedHashMap<>();
				tokens.put("signed-by-another-key", TestJwts.token(shopper.id(), "CUSTOMER", "ADMIN"));
				tokens.put("expired", ownToken(shopper.id(), Instant.now().minus(Duration.ofHours(1)), null));
				tokens.put("wrong-audience", ownToken(shopper.id(), Instant.now(), "another-shop"));
				tokens.put("service-token-on-user-path", serviceToken);
				if (operation.path().startsWith("/api/users/admin/")) {
					tokens.put("customer-on-admin-path", shopper.token());
				}
				return tokens;
			}

		}).run().assertNoViolations();
	}

	private static Values address(Values values) {
		return values.set("/name", "Ada Lovelace")
			.set("/line1", "1 Analytical Row")
			.set("/line2", "Flat 2")
			.set("/city", "London")
			.set("/postalCode", "N1 1AA")
			.set("/country", "GB")
			.set("/phone", "+441234567890")
			.set("/isDefault", false);
	}

	/**
	 * A stored account with a token issued as at sign-in.
	 */
	private Account account(Role... roles) {
		String email = "hostile-account-" + UUID.randomUUID() + "@example.com";
		User user = new User(email, "Hostile Suite", this.passwordHash, this.clock.instant());
		user.setRoles(EnumSet.copyOf(List.of(roles)));
		User stored = this.users.insert(user);
		String token = this.accessTokens
			.issue(stored.getId(), List.of(roles).stream().map(Enum::name).sorted().toList())
			.value();
		return new Account(stored.getId(), email, token, null);
	}

	private Account withAddress(Account account) {
		return new Account(account.id(), account.email(), account.token(), addAddress(account));
	}

	private String addAddress(Account owner) {
		Response added = this.http.send("POST", "/api/users/me/addresses", """
				{"name": "Ada Lovelace", "line1": "1 Analytical Row", "city": "London", "postalCode": "N1 1AA",
				 "country": "GB"}""", "Authorization", "Bearer " + owner.token(), "Content-Type", "application/json");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return added.json().get("id").asString();
	}

	private String serviceToken() {
		Response issued = this.http.send("POST", "/oauth2/token", "grant_type=client_credentials", "Authorization",
				"Basic " + base64("hostile-suite:" + CLIENT_SECRET), "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		return issued.json().get("access_token").asString();
	}

	/**
	 * A token signed with the service's own key, as an access token but expired or for
	 * another audience.
	 */
	private String ownToken(String subject, Instant issuedAt, String audience) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("http://localhost:8081")
			.audience(List.of((audience != null) ? audience : "little-threads"))
			.subject(subject)
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plus(Duration.ofMinutes(15)))
			.id(UUID.randomUUID().toString())
			.claim("roles", List.of("CUSTOMER", "ADMIN"))
			.claim("typ", AccessTokens.ACCESS)
			.build();
		return this.signingKeys.sign(claims);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private record Account(String id, String email, String token, String addressId) {

	}

	/**
	 * The same hashing at bcrypt's lowest cost: a few hundred sign-ins and password
	 * checks would otherwise spend most of the run's time hashing, which says nothing
	 * about how input is handled.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CheapHashing {

		@Bean
		@Primary
		PasswordEncoder cheapPasswordEncoder() {
			return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
		}

	}

	/**
	 * A refresh token to send, from a real sign-in: replaced by the rotated one whenever
	 * an answer sets it, and by a new sign-in when a request that carried it used it up
	 * (a refresh or a sign-out that succeeded).
	 */
	private final class Sessions {

		private final String email;

		private String current;

		Sessions(String email) {
			this.email = email;
		}

		synchronized Values values(boolean inBody) {
			if (this.current == null) {
				Response signedIn = Shoppers.login(HostileInputTests.this.http, this.email, PASSWORD);
				assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
				this.current = Shoppers.refreshCookie(signedIn);
			}
			String sent = this.current;
			Values values = inBody ? new Values().set("/refreshToken", sent)
					: new Values().cookie("lt_refresh", sent).remove("/refreshToken");
			return values.afterResponse((request, response) -> {
				if (response == null) {
					return;
				}
				String rotated = response.headers("Set-Cookie")
					.stream()
					.filter((cookie) -> cookie.startsWith("lt_refresh=") && !cookie.startsWith("lt_refresh=;"))
					.map((cookie) -> cookie.substring("lt_refresh=".length(), cookie.indexOf(';')))
					.findFirst()
					.orElse(null);
				if (rotated != null) {
					this.current = rotated;
				}
				else if (response.successful() && request.describe(Integer.MAX_VALUE).contains(sent)) {
					this.current = null;
				}
			});
		}

	}

}
