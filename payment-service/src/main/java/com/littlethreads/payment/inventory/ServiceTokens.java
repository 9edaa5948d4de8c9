package com.littlethreads.payment.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.littlethreads.payment.PaymentProperties;
import com.littlethreads.payment.ServiceClients;

/**
 * This service's own token for catalog-service's internal API: a client-credentials grant
 * at user-service (HTTP Basic, client {@code payment-service}), reused until shortly
 * before it expires.
 */
@Component
class ServiceTokens {

	static final String CLIENT_ID = "payment-service";

	static final String SCOPE = "inventory:reserve";

	/** Renew this long before expiry, so a token never expires in flight. */
	private static final Duration MARGIN = Duration.ofSeconds(30);

	private final RestClient users;

	private final String secret;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	ServiceTokens(RestClient.Builder builder, PaymentProperties properties, Clock clock) {
		this.users = ServiceClients.create(builder, properties.userUris(), properties);
		this.secret = properties.clientSecret();
		this.clock = clock;
	}

	synchronized String token() {
		if (this.token != null && this.clock.instant().isBefore(this.renewAt)) {
			return this.token;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("scope", SCOPE);
		TokenResponse response;
		try {
			response = this.users.post()
				.uri("/oauth2/token")
				.headers((headers) -> headers.setBasicAuth(CLIENT_ID, this.secret))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(TokenResponse.class);
		}
		catch (RestClientException ex) {
			throw new InventoryUnavailableException("No service token from user-service", ex);
		}
		if (response == null || response.accessToken() == null) {
			throw new InventoryUnavailableException("user-service answered without a token", null);
		}
		Duration lifetime = Duration.ofSeconds(response.expiresIn());
		Duration margin = (lifetime.compareTo(MARGIN.multipliedBy(2)) > 0) ? MARGIN : lifetime.dividedBy(2);
		this.token = response.accessToken();
		this.renewAt = this.clock.instant().plus(lifetime).minus(margin);
		return this.token;
	}

	synchronized void forget(String rejected) {
		if (rejected.equals(this.token)) {
			this.token = null;
		}
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {

	}

}
