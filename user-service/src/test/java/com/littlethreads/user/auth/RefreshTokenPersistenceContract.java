package com.littlethreads.user.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.littlethreads.platform.test.Concurrently;
import com.littlethreads.platform.test.MutableClock;
import com.littlethreads.user.auth.RefreshTokens.Rotation;
import com.littlethreads.user.token.TokenProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What refresh-token rotation must guarantee when requests race, on any store that offers
 * single-document atomic updates only: one exchange per token, and once a family is
 * revoked (a used token came back, the shopper signed out everywhere) no token of it
 * works, including one written by an exchange that was still running. Subclasses choose
 * the store.
 */
@Import(RefreshTokenPersistenceContract.Setup.class)
abstract class RefreshTokenPersistenceContract {

	private static final int ROUNDS = 30;

	private static final int CALLERS = 8;

	@Autowired
	RefreshTokens refreshTokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void concurrentRefreshesOfOneTokenNeverLeaveATokenWorkingAfterReuseIsDetected() {
		for (int round = 0; round < ROUNDS; round++) {
			String user = UUID.randomUUID().toString();
			String token = this.refreshTokens.issue(user);

			List<Optional<Rotation>> answers = Concurrently.run(CALLERS, (i) -> this.refreshTokens.rotate(token));

			List<Rotation> exchanged = answers.stream().flatMap(Optional::stream).toList();
			assertThat(exchanged).as("round %d: one exchange per token", round).hasSize(1);
			assertThat(exchanged.get(0).userId()).isEqualTo(user);
			boolean reuseDetected = familyRevoked(token);
			assertThat(this.refreshTokens.rotate(exchanged.get(0).token()).isPresent())
				.as("round %d: the new token works exactly when no reuse was detected", round)
				.isEqualTo(!reuseDetected);
			assertThat(this.refreshTokens.rotate(token)).as("round %d: the exchanged token", round).isEmpty();
		}
	}

	@Test
	void revokingEverySessionWhileARefreshRunsLeavesNoTokenWorking() {
		for (int round = 0; round < ROUNDS; round++) {
			String user = UUID.randomUUID().toString();
			String token = this.refreshTokens.issue(user);

			List<Optional<Rotation>> answers = Concurrently.run(2, (i) -> {
				if (i == 0) {
					return this.refreshTokens.rotate(token);
				}
				this.refreshTokens.revokeAll(user);
				return Optional.empty();
			});

			Optional<Rotation> exchanged = answers.get(0);
			assertThat(this.refreshTokens.rotate(token)).isEmpty();
			if (exchanged.isPresent()) {
				assertThat(this.refreshTokens.rotate(exchanged.get().token()))
					.as("round %d: a token issued by a refresh that raced the revocation", round)
					.isEmpty();
			}
		}
	}

	@Test
	void aUsedTokenPresentedAgainEndsTheFamily() {
		String first = this.refreshTokens.issue("user-1");
		String second = this.refreshTokens.rotate(first).orElseThrow().token();

		assertThat(this.refreshTokens.rotate(first)).isEmpty();

		assertThat(familyRevoked(first)).isTrue();
		assertThat(this.refreshTokens.rotate(second)).isEmpty();
	}

	@Test
	void aTokenPastItsLifetimeIsRefusedWithoutEndingItsFamily() {
		String token = this.refreshTokens.issue("user-2");
		this.clock.advance(Duration.ofDays(30).plusSeconds(1));

		assertThat(this.refreshTokens.rotate(token)).isEmpty();

		this.clock.reset();
		assertThat(this.refreshTokens.rotate(token)).as("still the current token").isPresent();
	}

	@Test
	void aTokenJustInsideItsLifetimeIsExchanged() {
		String token = this.refreshTokens.issue("user-3");
		this.clock.advance(Duration.ofDays(30).minusSeconds(1));

		Optional<Rotation> rotation = this.refreshTokens.rotate(token);

		assertThat(rotation).isPresent();
		this.clock.advance(Duration.ofDays(29));
		assertThat(this.refreshTokens.rotate(rotation.get().token())).as("the new token has a lifetime of its own")
			.isPresent();
	}

	@Test
	void signingOutEndsTheFamilyButNoOtherSession() {
		String signedOut = this.refreshTokens.issue("user-4");
		String otherDevice = this.refreshTokens.issue("user-4");

		this.refreshTokens.revokeFamilyOf(signedOut);

		assertThat(this.refreshTokens.rotate(signedOut)).isEmpty();
		assertThat(this.refreshTokens.rotate(otherDevice)).isPresent();
	}

	private boolean familyRevoked(String token) {
		Document stored = this.mongo.findById(RefreshTokens.hash(token), Document.class, "refreshTokens");
		assertThat(stored).as("the token is stored").isNotNull();
		Document family = this.mongo.findById(stored.getString("family"), Document.class, "refreshFamilies");
		assertThat(family).as("the family is stored").isNotNull();
		return family.get("revokedAt") != null;
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TokenProperties.class)
	@Import(RefreshTokens.class)
	static class Setup {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

}
