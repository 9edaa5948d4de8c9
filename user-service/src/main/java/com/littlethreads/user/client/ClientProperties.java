package com.littlethreads.user.client;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The internal clients that may ask for service tokens, by client id, for example
 * {@code users.clients.payment-service.secret=${PAYMENT_CLIENT_SECRET}}. Secrets come
 * only from configuration or the environment.
 *
 * @param clients each client's secret and allowed scopes, by client id
 */
@ConfigurationProperties("users")
record ClientProperties(@DefaultValue Map<String, Client> clients) {

	/**
	 * One internal client.
	 *
	 * @param secret its shared secret; a client without one can never authenticate
	 * @param scopes the scopes it may ask for, and gets when it names none
	 */
	record Client(String secret, @DefaultValue List<String> scopes) {

		@Override
		public String toString() {
			// Never log the secret.
			return "Client[scopes=" + this.scopes + "]";
		}

	}

}
