package com.littlethreads.user.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.user.client.ClientProperties.Client;
import com.littlethreads.user.throttle.FailureBuckets;
import com.littlethreads.user.throttle.ThrottleProperties;
import com.littlethreads.user.throttle.Throttles;
import com.littlethreads.user.throttle.TooManyAttempts;
import com.littlethreads.user.token.AccessTokens.IssuedToken;

/**
 * The OAuth 2.0 token endpoint for internal clients (client credentials grant only).
 * <p>
 * Kept by hand rather than Spring Authorization Server, which would trade these lines for
 * about as much configuration around it: its token endpoint answers errors in RFC 6749's
 * plain JSON (ours are problem details that also carry {@code error}), so it needs an
 * error handler of ours; it signs with its own {@code JWKSource}, where ours must be the
 * key ring every instance shares in the database, which also serves the JWKS; it records
 * each issued token in an {@code OAuth2AuthorizationService}, which client-credentials
 * tokens never need; failed client authentications would have to reach the per-address
 * throttle from inside its filter chain; and it brings a second security filter chain
 * with endpoints (authorize, introspect, revoke, discovery) to turn off. One grant, one
 * scope check and one signer do not justify that dependency.
 */
@RestController
@Tag(name = "Service tokens")
class ClientCredentialsController {

	static final String CLIENT_CREDENTIALS = "client_credentials";

	private final Clients clients;

	private final ServiceTokenIssuer tokens;

	/**
	 * Failed client authentications per client address, with the per-address sign-in
	 * limit. Never counted per client id, so that nobody can lock an internal service out
	 * by failing in its name.
	 */
	private final FailureBuckets throttle;

	ClientCredentialsController(Clients clients, ServiceTokenIssuer tokens, Throttles throttles,
			ThrottleProperties limits) {
		this.clients = clients;
		this.tokens = tokens;
		this.throttle = throttles.failureBuckets("client-address", limits.failuresPerAddress(), limits.failureWindow());
	}

	@PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@SecurityRequirements
	@Operation(summary = "Exchange an internal client's credentials for a service token", description = """
			OAuth 2.0 client credentials grant (RFC 6749 section 4.4) for service-to-service calls. \
			The client authenticates with HTTP Basic (preferred) or `client_id` and `client_secret` form \
			fields. `scope` is optional: a space-separated subset of the client's scopes, all of them \
			when absent. The answer is an RS256 JWT signed with the key in `/.well-known/jwks.json`, \
			with `aud` the internal service audience and `typ` `service`: it is not a user access \
			token and is refused where one is expected. Errors are problem details that also carry \
			RFC 6749's `error` member (`invalid_request`, `invalid_client`, `unsupported_grant_type`, \
			`invalid_scope`).""")
	@ApiResponse(responseCode = "200", description = "A service token")
	@ApiResponse(responseCode = "400", description = "invalid_request, unsupported_grant_type or invalid_scope")
	@ApiResponse(responseCode = "401", description = "invalid_client: unknown client or wrong secret")
	@ApiResponse(responseCode = "429", description = "too many failed client authentications from this address")
	ResponseEntity<ServiceTokenResponse> token(HttpServletRequest http,
			@Parameter(description = "HTTP Basic client credentials") @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization,
			@Parameter(description = "must be client_credentials") @RequestParam(name = "grant_type",
					required = false) String grantType,
			@Parameter(description = "space-separated scopes, a subset of the client's") @RequestParam(name = "scope",
					required = false) String scope,
			@Parameter(description = "the client id, when not sent with HTTP Basic") @RequestParam(name = "client_id",
					required = false) String clientId,
			@Parameter(description = "the client secret, when not sent with HTTP Basic") @RequestParam(
					name = "client_secret", required = false) String clientSecret) {
		if (grantType == null || grantType.isBlank()) {
			throw OAuthProblems.invalidRequest("The grant_type parameter is required.");
		}
		String address = http.getRemoteAddr();
		// Taken before the secret is checked, kept only when authentication fails: a
		// burst of guesses gets no more checks than the bucket holds.
		this.throttle.take(address).ifPresent((wait) -> {
			throw TooManyAttempts.problem(wait, "failed client authentications");
		});
		Client client;
		Credentials credentials;
		try {
			credentials = credentials(authorization, clientId, clientSecret);
			client = this.clients.authenticate(credentials.clientId(), credentials.secret())
				.orElseThrow(OAuthProblems::invalidClient);
		}
		catch (ErrorResponseException ex) {
			if (ex.getStatusCode().value() != 401) {
				// A malformed request, not a failed authentication.
				this.throttle.giveBack(address);
			}
			throw ex;
		}
		this.throttle.giveBack(address);
		if (!CLIENT_CREDENTIALS.equals(grantType)) {
			throw OAuthProblems.unsupportedGrantType();
		}
		List<String> scopes = grantedScopes(client, scope);
		IssuedToken token = this.tokens.issue(credentials.clientId(), scopes);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.body(new ServiceTokenResponse(token.value(), "Bearer", token.expiresIn(), String.join(" ", scopes)));
	}

	private static Credentials credentials(String authorization, String clientId, String clientSecret) {
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			if (clientSecret != null) {
				throw OAuthProblems.invalidRequest("Authenticate the client one way: HTTP Basic or form fields.");
			}
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw OAuthProblems.invalidClient();
			}
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				throw OAuthProblems.invalidClient();
			}
			// RFC 6749 section 2.3.1: both parts are form-encoded before Basic encoding.
			String basicId = formDecode(decoded.substring(0, colon));
			if (clientId != null && !clientId.equals(basicId)) {
				throw OAuthProblems.invalidRequest("client_id does not match the HTTP Basic client.");
			}
			return new Credentials(basicId, formDecode(decoded.substring(colon + 1)));
		}
		if (clientId == null || clientSecret == null) {
			throw OAuthProblems.invalidClient();
		}
		return new Credentials(clientId, clientSecret);
	}

	private static List<String> grantedScopes(Client client, String requested) {
		if (requested == null) {
			return List.copyOf(client.scopes());
		}
		Set<String> scopes = new LinkedHashSet<>(Arrays.asList(requested.trim().split(" +")));
		if (requested.isBlank() || !client.scopes().containsAll(scopes)) {
			throw OAuthProblems.invalidScope();
		}
		return List.copyOf(scopes);
	}

	private static String formDecode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw OAuthProblems.invalidClient();
		}
	}

	private record Credentials(String clientId, String secret) {

	}

	/**
	 * A successful token response, in RFC 6749's spelling.
	 *
	 * @param accessToken the service token
	 * @param tokenType always {@code Bearer}
	 * @param expiresIn seconds until it expires
	 * @param scope the granted scopes, space-separated
	 */
	record ServiceTokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn, String scope) {

	}

}
