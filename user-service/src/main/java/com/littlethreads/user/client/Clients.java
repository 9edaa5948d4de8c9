package com.littlethreads.user.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.littlethreads.user.client.ClientProperties.Client;

/**
 * Checks internal clients' credentials. Secrets are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the comparison takes the same time whatever the
 * secret's length or how much of it is right, and an unknown client id is compared
 * against a decoy so that it costs the same as a wrong secret.
 */
@Component
class Clients {

	private static final byte[] DECOY = sha256("no client has this secret");

	private final Map<String, Client> clients;

	Clients(ClientProperties properties) {
		this.clients = Map.copyOf(properties.clients());
	}

	/**
	 * The client these credentials authenticate, if any.
	 * @param clientId the presented client id
	 * @param secret the presented secret
	 * @return the client, or empty when the id is unknown or the secret is wrong
	 */
	Optional<Client> authenticate(String clientId, String secret) {
		Client client = (clientId != null) ? this.clients.get(clientId) : null;
		boolean configured = client != null && StringUtils.hasText(client.secret());
		byte[] expected = configured ? sha256(client.secret()) : DECOY;
		boolean matches = MessageDigest.isEqual(expected, sha256((secret != null) ? secret : ""));
		return (configured && matches) ? Optional.of(client) : Optional.empty();
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
