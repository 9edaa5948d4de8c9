package com.littlethreads.user.client;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal clients are configured from the environment, and their secrets stay out of
 * logs.
 */
class ClientPropertiesTests {

	@Test
	void aClientIsConfiguredFromEnvironmentVariables() {
		ClientProperties properties = bind(Map.of("USERS_CLIENTS_PAYMENT-SERVICE_SECRET", "from-the-environment",
				"USERS_CLIENTS_PAYMENT-SERVICE_SCOPES", "inventory:reserve,orders:read"));

		assertThat(properties.clients()).containsOnlyKeys("payment-service");
		assertThat(properties.clients().get("payment-service").secret()).isEqualTo("from-the-environment");
		assertThat(properties.clients().get("payment-service").scopes()).containsExactly("inventory:reserve",
				"orders:read");
	}

	@Test
	void noClientsAreConfiguredByDefault() {
		assertThat(bind(Map.of()).clients()).isEmpty();
	}

	@Test
	void aClientsSecretIsNeverPrinted() {
		ClientProperties properties = bind(Map.of("USERS_CLIENTS_PAYMENT-SERVICE_SECRET", "from-the-environment"));

		assertThat(properties.toString()).doesNotContain("from-the-environment");
	}

	private static ClientProperties bind(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment).bindOrCreate("users", ClientProperties.class);
	}

}
