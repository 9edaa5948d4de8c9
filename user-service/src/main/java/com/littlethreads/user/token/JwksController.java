package com.littlethreads.user.token;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys services verify access tokens with (RFC 7517).
 */
@RestController
@Tag(name = "Tokens")
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
	@Operation(summary = "The JSON Web Key Set of every key tokens may be signed with")
	ResponseEntity<Map<String, Object>> jwks() {
		// Services and proxies may cache it this long: a new key is published for
		// users.tokens.key-activation-delay (6 minutes) before it signs anything, so a
		// cached copy is never missing the key of a token it is shown.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.keys.published().toJSONObject(true));
	}

}
