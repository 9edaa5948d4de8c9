package com.littlethreads.payment.checkout;

import java.util.regex.Pattern;

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
import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * A signed-in shopper's account at user-service, read with the shopper's own token, so
 * payment-service sees exactly what the shopper may see.
 */
@Component
class Accounts {

	/**
	 * What user-service's address ids can look like (they are UUIDs today); anything else
	 * is no address of this shopper's and is answered without asking user-service.
	 */
	private static final Pattern ADDRESS_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final RestClient users;

	Accounts(RestClient.Builder builder, PaymentProperties properties) {
		this.users = ServiceClients.builder(builder, properties.userUris(), properties).build();
	}

	/**
	 * Whether an id could be one of user-service's address ids.
	 * @param id the id from the request
	 * @return {@code false} if no address can have it
	 */
	static boolean isWellFormedAddressId(String id) {
		return ADDRESS_ID.matcher(id).matches();
	}

	ShippingAddress address(String id, String bearer) {
		if (!isWellFormedAddressId(id)) {
			throw PaymentProblems.unknownAddress(id);
		}
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
			// The answer about this shopper's data, not an outage: an id user-service
			// cannot parse (400) names no address of theirs either (404).
			if (ex.getStatusCode() == HttpStatus.NOT_FOUND || ex.getStatusCode() == HttpStatus.BAD_REQUEST) {
				return null;
			}
			if (ex.getStatusCode() == HttpStatus.UNAUTHORIZED) {
				// A token we accept, refused by user-service: the account was deleted.
				throw Problems.exception(Problems.of(ProblemType.UNAUTHORIZED,
						"Your account can no longer be read with this token. Sign in again."));
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
