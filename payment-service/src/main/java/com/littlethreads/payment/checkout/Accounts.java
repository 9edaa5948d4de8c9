package com.littlethreads.payment.checkout;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.littlethreads.payment.PaymentProblems;
import com.littlethreads.payment.PaymentProperties;
import com.littlethreads.payment.ServiceClients;
import com.littlethreads.payment.order.ShippingAddress;

/**
 * A signed-in shopper's account at user-service, read with the shopper's own token, so
 * payment-service sees exactly what the shopper may see.
 */
@Component
class Accounts {

	private final RestClient users;

	Accounts(RestClient.Builder builder, PaymentProperties properties) {
		this.users = ServiceClients.create(builder, properties.userUri(), properties);
	}

	ShippingAddress address(String id, String bearer) {
		JsonNode address = read("/api/users/me/addresses/{id}", bearer, id);
		if (address == null) {
			throw PaymentProblems.unknownAddress(id);
		}
		return new ShippingAddress(text(address, "name"), text(address, "line1"), text(address, "line2"),
				text(address, "city"), text(address, "postalCode"), text(address, "country"));
	}

	String email(String bearer) {
		JsonNode profile = read("/api/users/me", bearer);
		String email = (profile != null) ? text(profile, "email") : null;
		if (email == null) {
			throw PaymentProblems.unavailable("account-unavailable", "account service");
		}
		return email;
	}

	private JsonNode read(String path, String bearer, Object... variables) {
		try {
			return this.users.get()
				.uri(path, variables)
				.headers((headers) -> headers.setBearerAuth(bearer))
				.retrieve()
				.body(JsonNode.class);
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode() == HttpStatus.NOT_FOUND) {
				return null;
			}
			throw PaymentProblems.unavailable("account-unavailable", "account service");
		}
		catch (RestClientException ex) {
			throw PaymentProblems.unavailable("account-unavailable", "account service");
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
