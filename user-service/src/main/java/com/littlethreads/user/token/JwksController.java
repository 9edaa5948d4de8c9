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
		// Services cache it; a few minutes lets a new key reach them soon after a
		// rotation.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.keys.published().toJSONObject(true));
	}

}
