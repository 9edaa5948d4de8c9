package com.littlethreads.user.account;

import java.time.Instant;

/**
 * A shipping address, stored inside its owner's {@link User} document so that it is read,
 * changed and deleted together with the account.
 *
 * @param id the address id, unique within the account
 * @param name who receives the parcel
 * @param line1 first address line
 * @param line2 second address line, or {@code null}
 * @param city the city or town
 * @param postalCode the postal code
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param phone a phone number for the carrier, or {@code null}
 * @param isDefault whether checkout proposes this address first
 * @param createdAt when it was added; decides which address becomes the default when the
 * default one is deleted
 */
public record Address(String id, String name, String line1, String line2, String city, String postalCode,
		String country, String phone, boolean isDefault, Instant createdAt) {

	Address asDefault(boolean isDefault) {
		return new Address(this.id, this.name, this.line1, this.line2, this.city, this.postalCode, this.country,
				this.phone, isDefault, this.createdAt);
	}

}
