package com.littlethreads.user.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
	@ApiResponse(responseCode = "200", description = "The key set (RFC 7517)",
			content = @Content(mediaType = "application/jwk-set+json", schema = @Schema(implementation = KeySet.class)))
	ResponseEntity<Map<String, Object>> jwks() {
		// Services and proxies may cache it this long: a new key is published for
		// users.tokens.key-activation-delay (6 minutes) before it signs anything, so a
		// cached copy is never missing the key of a token it is shown.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.keys.published().toJSONObject(true));
	}

	/**
	 * What the key set holds, for the OpenAPI document: public RSA keys (RFC 7517).
	 *
	 * @param keys the keys
	 */
	record KeySet(@ArraySchema(maxItems = 10) List<Key> keys) {

	}

	/**
	 * A public RSA signing key.
	 *
	 * @param kty the key type
	 * @param kid the key id, as tokens name it in their header
	 * @param use what the key is for
	 * @param alg the algorithm
	 * @param n the modulus, base64url
	 * @param e the public exponent, base64url
	 */
	record Key(@Schema(allowableValues = "RSA") String kty, String kid, @Schema(allowableValues = "sig") String use,
			@Schema(allowableValues = "RS256") String alg, String n, String e) {

	}

}
