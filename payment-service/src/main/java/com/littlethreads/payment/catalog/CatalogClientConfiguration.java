package com.littlethreads.payment.catalog;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.ClientRegistrationIdProcessor;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import com.littlethreads.payment.PaymentProperties;
import com.littlethreads.payment.ServiceClients;

/**
 * The {@link CatalogClient}: every catalog-service instance with the timeouts of
 * {@link ServiceClients}, this service's token on the calls that need one, and catalog's
 * documented problem types as exceptions.
 * <p>
 * The token is Spring Security's OAuth2 client: a client-credentials grant at
 * user-service (HTTP Basic, client {@code payment-service}, scope
 * {@code inventory:reserve}) over every user-service instance, kept until a minute (the
 * library's clock skew) before it expires, and dropped when catalog answers 401 to it.
 */
@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

	static final String SERVICE_TOKEN = "catalog";

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	private static final String INSUFFICIENT_STOCK = PROBLEMS + "insufficient-stock";

	private static final String UNKNOWN_SKU = PROBLEMS + "unknown-sku";

	private static final String RESERVATION_COMMITTED = PROBLEMS + "reservation-committed";

	@Bean
	CatalogClient catalogClient(RestClient.Builder builder, PaymentProperties properties, Clock clock) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(SERVICE_TOKEN)
			.clientId("payment-service")
			.clientSecret(properties.clientSecret())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("inventory:reserve")
			// The first instance's; ServiceClients sends it to whichever instance
			// answers.
			.tokenUri(properties.userUris().get(0).resolve("/oauth2/token").toString())
			.build();
		RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
		tokenEndpoint.setRestClient(ServiceClients.builder(builder, properties.userUris(), properties)
			.configureMessageConverters(
					(converters) -> converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(tokenEndpoint);
		provider.setClock(clock);
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		InMemoryOAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, tokens);
		manager.setAuthorizedClientProvider(provider);

		OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
		bearer.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
		// One token for the service, never one per signed-in shopper: the library's
		// anonymous principal for every call.
		bearer.setPrincipalResolver((request) -> null);
		RestClient catalog = ServiceClients.builder(builder, properties.catalogUris(), properties)
			.requestInterceptor(new ResendWithNewToken())
			.requestInterceptor(bearer)
			.defaultStatusHandler(HttpStatusCode::isError, CatalogClientConfiguration::problem)
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(catalog))
			.httpRequestValuesProcessor(ClientRegistrationIdProcessor.DEFAULT_INSTANCE)
			.build()
			.createClient(CatalogClient.class);
	}

	/**
	 * Turns catalog's documented problem types (the full type URI, see docs/problems.md)
	 * into exceptions; any other error is Spring's for its status.
	 */
	private static void problem(HttpRequest request, ClientHttpResponse response) throws IOException {
		byte[] body = response.getBody().readAllBytes();
		JsonNode problem;
		try {
			problem = JsonMapper.shared().readTree(body);
		}
		catch (JacksonException ex) {
			// Not JSON: the status alone decides.
			problem = MissingNode.getInstance();
		}
		switch (problem.path("type").asString("")) {
			case INSUFFICIENT_STOCK -> {
				List<InsufficientStockException.ShortLine> lines = new ArrayList<>();
				problem.path("lines")
					.forEach((line) -> lines.add(new InsufficientStockException.ShortLine(line.path("sku").asString(),
							line.path("requested").asInt(), line.path("available").asInt())));
				throw new InsufficientStockException(lines);
			}
			case UNKNOWN_SKU -> {
				List<String> skus = new ArrayList<>();
				problem.path("skus").forEach((sku) -> skus.add(sku.asString()));
				throw new UnknownSkusException(skus);
			}
			case RESERVATION_COMMITTED -> throw new ReservationCommittedException();
			default -> {
				HttpStatusCode status = response.getStatusCode();
				String message = "catalog-service answered %s to %s".formatted(status, request.getURI().getPath());
				throw status.is4xxClientError()
						? HttpClientErrorException.create(message, status, response.getStatusText(),
								response.getHeaders(), body, null)
						: HttpServerErrorException.create(message, status, response.getStatusText(),
								response.getHeaders(), body, null);
			}
		}
	}

	/**
	 * Sends a call catalog refused with 401 once more, with the token the failure handler
	 * has made the OAuth2 interceptor fetch anew. Kept by hand: the library drops a
	 * rejected token but does not resend, and a request refused with 401 was never acted
	 * on, so sending it again is safe. A token that could not be had is an I/O failure to
	 * callers, like an unreachable catalog.
	 */
	static final class ResendWithNewToken implements ClientHttpRequestInterceptor {

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			try {
				ClientHttpResponse response = execution.execute(request, body);
				if (response.getStatusCode() != HttpStatus.UNAUTHORIZED
						|| request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null) {
					return response;
				}
				response.close();
				return execution.execute(request, body);
			}
			catch (OAuth2AuthorizationException ex) {
				throw new IOException("No service token from user-service: " + ex.getMessage(), ex);
			}
		}

	}

}
