package com.littlethreads.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The security every service starts from. Stateless bearer-token authentication only (no
 * sessions, cookies, CSRF tokens, basic or form login). {@code /internal/**} takes
 * service tokens only (scopes as {@code SCOPE_} authorities), every other path user
 * access tokens only (roles as {@code ROLE_} authorities, checked by Boot's JWT decoder
 * as configured by the platform defaults: JWKS URI, issuer, audience, RS256, roles
 * claim). Health, info, Prometheus and the API docs are public; a service opens more, or
 * guards its internal paths by scope, with an {@link AccessRules} bean; everything else
 * needs a valid token.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableWebSecurity
@EnableConfigurationProperties(ServiceTokenProperties.class)
public class ResourceServerSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain resourceServerSecurityFilterChain(HttpSecurity http, ObjectProvider<AccessRules> serviceRules,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
			ObjectProvider<JwtDecoder> userDecoder, ObjectProvider<JwtAuthenticationConverter> userConverter,
			OAuth2ResourceServerProperties resourceServer, ServiceTokenProperties serviceTokens) throws Exception {
		OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
		TokenKindAuthenticationManagerResolver tokenKinds = new TokenKindAuthenticationManagerResolver(
				userDecoder.getObject(), userConverter.getIfAvailable(JwtAuthenticationConverter::new),
				TokenKindAuthenticationManagerResolver.serviceDecoder(jwt.getJwkSetUri(), jwt.getIssuerUri(),
						serviceTokens.serviceAudience()));
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(resolver);
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(resolver);
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll();
				requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
					.permitAll();
				requests.requestMatchers("/error").permitAll();
				serviceRules.orderedStream().forEach((rules) -> rules.configure(requests));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((bearer) -> bearer.authenticationManagerResolver(tokenKinds)
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		return http.build();
	}

	/**
	 * Answers what Spring Security's firewall refuses (an encoded slash or period, a
	 * semicolon, a method it does not know) with the same 400 problem as everything else,
	 * where its default would send a bare status.
	 */
	@Bean
	@ConditionalOnMissingBean(RequestRejectedHandler.class)
	RequestRejectedHandler problemRequestRejectedHandler(
			@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
		return (request, response, ex) -> resolver.getObject().resolveException(request, response, null, ex);
	}

}
