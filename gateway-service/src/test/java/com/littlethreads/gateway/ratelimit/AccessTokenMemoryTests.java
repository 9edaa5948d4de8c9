package com.littlethreads.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.littlethreads.platform.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token that verified is not verified again until it expires; nothing else is
 * remembered, and the memory stays bounded.
 */
class AccessTokenMemoryTests {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final AtomicInteger checks = new AtomicInteger();

	@Test
	void aTokenThatVerifiedIsNotCheckedAgainUntilItExpires() {
		AccessTokens tokens = new AccessTokens(verifying(Duration.ofMinutes(15)), this.clock);
		String token = token("user-ada");

		assertThat(tokens.subject(token).block()).isEqualTo("user-ada");
		assertThat(tokens.subject(token).block()).isEqualTo("user-ada");
		assertThat(this.checks).hasValue(1);

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(tokens.subject(token).block()).isEqualTo("user-ada");
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void aTokenThatDoesNotVerifyIsCheckedEveryTimeAndNeverNamesAUser() {
		ReactiveJwtDecoder refusing = (token) -> {
			this.checks.incrementAndGet();
			return Mono.error(new BadJwtException("signature"));
		};
		AccessTokens tokens = new AccessTokens(refusing, this.clock);
		String token = token("user-ada");

		assertThat(tokens.subject(token).blockOptional()).isEmpty();
		assertThat(tokens.subject(token).blockOptional()).isEmpty();
		assertThat(this.checks).hasValue(2);
		assertThat(tokens.remembered()).isZero();
	}

	@Test
	void anotherTokenForTheSameUserIsCheckedOnItsOwn() {
		AccessTokens tokens = new AccessTokens(verifying(Duration.ofMinutes(15)), this.clock);

		tokens.subject(token("user-ada")).block();
		tokens.subject(token("user-ada") + "x").block();

		assertThat(this.checks).hasValue(2);
	}

	@Test
	void theMemoryIsBounded() {
		AccessTokens tokens = new AccessTokens(verifying(Duration.ofMinutes(15)), this.clock);

		for (int i = 0; i <= AccessTokens.MAX_REMEMBERED; i++) {
			assertThat(tokens.subject(token("user-" + i)).block()).isEqualTo("user-" + i);
		}

		assertThat(tokens.remembered()).isBetween(1, AccessTokens.MAX_REMEMBERED);
	}

	/**
	 * Stands in for the signature, issuer, audience and expiry check: every token
	 * verifies, naming the user written in its payload.
	 */
	private ReactiveJwtDecoder verifying(Duration lifetime) {
		return (token) -> {
			this.checks.incrementAndGet();
			String subject = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
			return Mono.just(Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject(subject)
				.issuedAt(this.clock.instant())
				.expiresAt(this.clock.instant().plus(lifetime))
				.build());
		};
	}

	/**
	 * Shaped like user-service's tokens (an RS256 header with a key id), which is all the
	 * gateway looks at before it verifies.
	 */
	private static String token(String subject) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
	}

}
