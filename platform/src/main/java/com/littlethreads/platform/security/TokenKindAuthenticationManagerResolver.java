package com.littlethreads.platform.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Picks the kind of token a request must carry from its path: {@code /internal/**} takes
 * service tokens only (audience {@code little-threads-internal}, {@code typ}
 * {@code service}, authorities {@code SCOPE_<scope>}), every other path user access
 * tokens only ({@code typ} {@code access}, authorities {@code ROLE_<role>}). A token of
 * the wrong kind is an invalid token (401) rather than a token without rights (403), so
 * neither kind can ever be replayed where the other is expected.
 */
final class TokenKindAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

	/**
	 * The {@code typ} claim of a user access token.
	 */
	static final String ACCESS = "access";

	/**
	 * The {@code typ} claim of a service token.
	 */
	static final String SERVICE = "service";

	private static final RequestMatcher INTERNAL = PathPatternRequestMatcher.pathPattern("/internal/**");

	private final AuthenticationManager users;

	private final AuthenticationManager services;

	TokenKindAuthenticationManagerResolver(JwtDecoder userDecoder,
			Converter<Jwt, ? extends AbstractAuthenticationToken> userConverter, JwtDecoder serviceDecoder) {
		this.users = manager(requireType(userDecoder, ACCESS), userConverter);
		this.services = manager(serviceDecoder, new JwtAuthenticationConverter());
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return INTERNAL.matches(request) ? this.services : this.users;
	}

	/**
	 * A decoder for service tokens: signature from the JWKS, issuer, expiry, the service
	 * audience and {@code typ} {@code service}.
	 * @param jwkSetUri the JWKS of the token issuer
	 * @param issuer the expected issuer
	 * @param audience the service audience
	 * @return the decoder
	 */
	static JwtDecoder serviceDecoder(String jwkSetUri, String issuer, String audience) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> defaults = (issuer != null && !issuer.isBlank())
				? JwtValidators.createDefaultWithIssuer(issuer) : JwtValidators.createDefault();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(defaults,
				new JwtClaimValidator<List<String>>("aud", (aud) -> aud != null && aud.contains(audience)),
				new JwtClaimValidator<String>("typ", SERVICE::equals)));
		return decoder;
	}

	private static JwtDecoder requireType(JwtDecoder decoder, String type) {
		return (token) -> {
			Jwt jwt = decoder.decode(token);
			if (!type.equals(jwt.getClaimAsString("typ"))) {
				throw new BadJwtException("The token is not a user access token");
			}
			return jwt;
		};
	}

	private static AuthenticationManager manager(JwtDecoder decoder,
			Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(converter);
		return new ProviderManager(provider);
	}

}
