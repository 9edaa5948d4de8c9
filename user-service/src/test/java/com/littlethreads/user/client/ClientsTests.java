package com.littlethreads.user.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.littlethreads.user.client.ClientProperties.Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client whose secret is blank (its environment variable unset) is disabled: no
 * presented secret, blank or not, authenticates it.
 */
class ClientsTests {

	@Test
	void aClientWithABlankSecretNeverAuthenticates() {
		Clients clients = new Clients(new ClientProperties(Map.of("payment-service",
				new Client("", List.of("inventory:reserve")), "other", new Client("   ", List.of("x")))));

		assertThat(clients.authenticate("payment-service", "")).isEmpty();
		assertThat(clients.authenticate("payment-service", null)).isEmpty();
		assertThat(clients.authenticate("other", "   ")).isEmpty();
	}

	@Test
	void aClientWithASecretAuthenticatesWithItOnly() {
		Clients clients = new Clients(
				new ClientProperties(Map.of("payment-service", new Client("s3cret", List.of("inventory:reserve")))));

		assertThat(clients.authenticate("payment-service", "s3cret")).isPresent();
		assertThat(clients.authenticate("payment-service", "s3cret ")).isEmpty();
	}

}
