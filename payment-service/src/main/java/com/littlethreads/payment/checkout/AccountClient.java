package com.littlethreads.payment.checkout;

import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import com.littlethreads.payment.PaymentProblems;
import com.littlethreads.payment.order.ShippingAddress;

/**
 * A signed-in shopper's account at user-service, read with the shopper's own token, so
 * payment-service sees exactly what the shopper may see. A token user-service refuses is
 * answered 401 (see {@link AccountClientConfiguration}); any other failure is
 * {@code account-unavailable}. Public, as the proxy that runs its default methods
 * requires.
 */
@HttpExchange(url = "/api/users/me", accept = MediaType.APPLICATION_JSON_VALUE)
public interface AccountClient {

	/**
	 * What user-service's address ids can look like (they are UUIDs today); anything else
	 * is no address of this shopper's and is answered without asking user-service.
	 */
	Pattern ADDRESS_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	@GetExchange
	Profile profile(@RequestHeader(HttpHeaders.AUTHORIZATION) String bearer);

	@GetExchange("/addresses/{id}")
	ShippingAddress savedAddress(@PathVariable String id, @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer);

	/**
	 * Whether an id could be one of user-service's address ids.
	 * @param id the id from the request
	 * @return {@code false} if no address can have it
	 */
	static boolean isWellFormedAddressId(String id) {
		return ADDRESS_ID.matcher(id).matches();
	}

	default ShippingAddress address(String id, String token) {
		try {
			ShippingAddress address = isWellFormedAddressId(id) ? savedAddress(id, "Bearer " + token) : null;
			if (address != null) {
				return address;
			}
		}
		catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest ex) {
			// The answer about this shopper's data, not an outage: an id user-service
			// cannot parse (400) names no address of theirs either (404).
		}
		catch (RestClientException ex) {
			throw PaymentProblems.unavailable("account-unavailable", "account service");
		}
		throw PaymentProblems.unknownAddress(id);
	}

	default String email(String token) {
		try {
			Profile profile = profile("Bearer " + token);
			if (profile != null && profile.email() != null) {
				return profile.email();
			}
		}
		catch (RestClientException ex) {
			// Unavailable, as an answer without an email is.
		}
		throw PaymentProblems.unavailable("account-unavailable", "account service");
	}

	/**
	 * The part of the shopper's profile a checkout uses.
	 *
	 * @param email the account's email, where the receipt goes
	 */
	record Profile(String email) {

	}

}
