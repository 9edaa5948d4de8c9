package com.littlethreads.gateway.ratelimit;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;

/**
 * Which user a bearer token names, for picking the user's bucket: only once the token's
 * signature, issuer, audience and expiry check out against user-service's key set.
 * <p>
 * Why not read the subject without verifying (it would save an RSA check per request):
 * the bucket is the limit. An unverified subject is whatever the caller writes, so a
 * caller could name a fresh "user", and get a full bucket, on every request. Falling back
 * to the address for such tokens does not help either: the caller could then always pick
 * between "my address" and "a made-up user". Verification is one RSA public-key
 * operation, tens of microseconds; what made junk tokens expensive was the key set fetch
 * each one caused, and that is bounded here instead.
 * <p>
 * So a token is looked at only when it is structurally a JWS whose header names RS256
 * (the only algorithm user-service signs with) and a key id; anything else (not a JWT,
 * another algorithm, no {@code kid}) falls back to the address without any work. The key
 * set is Nimbus's {@link JWKSourceBuilder} source: cached (five minutes), and refetched
 * for an unknown key id only as its rate limit allows: the refresh that opens a cool-down
 * window and one more within it (Nimbus lets one extra through so that a key rotation
 * just after a refresh is still picked up). However many made-up key ids arrive, that is
 * at most two requests to user-service per cool-down; the rest are answered by address at
 * once.
 * <p>
 * A token that has verified is remembered, by its exact text, until it expires: the same
 * bytes verify the same way, so the next request with it gets its subject without another
 * RSA check or parse. Only tokens that verified are remembered, so nothing a caller makes
 * up can enter; the memory is bounded ({@link #MAX_REMEMBERED}) and forgets expired
 * tokens first.
 */
class AccessTokens {

	/** Far above a real access token; a longer one is not worth parsing. */
	private static final int MAX_LENGTH = 8192;

	private static final int MAX_KEY_ID_LENGTH = 128;

	/**
	 * Far above the signed-in users one gateway sees within a token's lifetime (15
	 * minutes); at this size the expired ones are dropped, and if that is not enough,
	 * all.
	 */
	static final int MAX_REMEMBERED = 10_000;

	private final ReactiveJwtDecoder decoder;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	AccessTokens(ReactiveJwtDecoder decoder) {
		this(decoder, Clock.systemUTC());
	}

	AccessTokens(ReactiveJwtDecoder decoder, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
	}

	/**
	 * Tokens checked against a JWKS endpoint.
	 * @param jwksUri user-service's key set
	 * @param issuer the issuer tokens must name
	 * @param audience the audience tokens must name
	 * @param coolDown how long after a key set fetch an unknown key id may cause another
	 * (one extra is allowed within it)
	 * @return the access tokens
	 */
	static AccessTokens verifiedAgainst(URI jwksUri, String issuer, String audience, Duration coolDown) {
		Assert.isTrue(
				!coolDown.isNegative() && !coolDown.isZero()
						&& coolDown.toMillis() < JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE,
				"littlethreads.rate-limits.jwks-cool-down must be positive and below the key set's cache time (5m)");
		JWKSource<SecurityContext> keys;
		try {
			keys = JWKSourceBuilder
				.create(jwksUri.toURL(),
						new DefaultResourceRetriever(1000, 2000, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
				.cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
				.rateLimited(coolDown.toMillis())
				.build();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("littlethreads.rate-limits.jwks-uri is not a URL: " + jwksUri, ex);
		}
		// Nimbus's source blocks while it fetches, so it is asked off the event loop.
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((jwt) -> Mono
				.fromCallable(() -> keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMapMany(Flux::fromIterable))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(audience));
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator));
		return new AccessTokens(decoder);
	}

	/**
	 * The subject of a token that verifies.
	 * @param token the bearer token
	 * @return the subject, or empty for any token that does not verify
	 */
	Mono<String> subject(String token) {
		Verified known = this.verified.get(token);
		if (known != null) {
			if (this.clock.instant().isBefore(known.expiresAt())) {
				return Mono.just(known.subject());
			}
			this.verified.remove(token, known);
		}
		if (!namesOurAlgorithmAndAKey(token)) {
			return Mono.empty();
		}
		return this.decoder.decode(token)
			.doOnNext((jwt) -> remember(token, jwt))
			.map(Jwt::getSubject)
			.onErrorResume((ex) -> Mono.empty());
	}

	/**
	 * Until its expiry, without the validator's clock skew: past {@code exp} the token
	 * goes through the whole check again, which decides.
	 */
	private void remember(String token, Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null || jwt.getSubject() == null) {
			return;
		}
		if (this.verified.size() >= MAX_REMEMBERED) {
			Instant now = this.clock.instant();
			this.verified.values().removeIf((entry) -> !now.isBefore(entry.expiresAt()));
			if (this.verified.size() >= MAX_REMEMBERED) {
				this.verified.clear();
			}
		}
		this.verified.put(token, new Verified(jwt.getSubject(), expiresAt));
	}

	int remembered() {
		return this.verified.size();
	}

	private record Verified(String subject, Instant expiresAt) {

	}

	static boolean namesOurAlgorithmAndAKey(String token) {
		if (token.length() > MAX_LENGTH) {
			return false;
		}
		int first = token.indexOf('.');
		int second = (first > 0) ? token.indexOf('.', first + 1) : -1;
		if (second < 0 || token.indexOf('.', second + 1) >= 0) {
			return false;
		}
		try {
			JWSHeader header = JWSHeader.parse(new Base64URL(token.substring(0, first)));
			String keyId = header.getKeyID();
			return JWSAlgorithm.RS256.equals(header.getAlgorithm()) && keyId != null && !keyId.isEmpty()
					&& keyId.length() <= MAX_KEY_ID_LENGTH;
		}
		catch (ParseException | IllegalArgumentException ex) {
			return false;
		}
	}

}
