package com.littlethreads.user.token;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * user-service checks the access tokens it is shown with the key ring it shares with its
 * other instances, read from the store rather than fetched over HTTP from its own JWKS;
 * the checks are the ones every service makes.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfiguration {

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, TokenProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.jwkSource())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
						new JwtClaimValidator<List<String>>("aud",
								(aud) -> aud != null && aud.contains(properties.audience())),
						new JwtClaimValidator<String>("typ", AccessTokens.ACCESS::equals)));
		return decoder;
	}

}
