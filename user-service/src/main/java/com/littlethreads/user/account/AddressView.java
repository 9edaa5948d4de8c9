package com.littlethreads.user.account;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A shipping address as its owner sees it.
 *
 * @param id the address id
 * @param name who receives the parcel
 * @param line1 first address line
 * @param line2 second address line, or {@code null}
 * @param city city or town
 * @param postalCode postal code
 * @param country ISO 3166-1 alpha-2 code
 * @param phone phone number in E.164 form, or {@code null}
 * @param isDefault whether checkout proposes it first
 */
public record AddressView(String id, String name, String line1, @Schema(nullable = true) String line2, String city,
		String postalCode, String country, @Schema(nullable = true) String phone, boolean isDefault) {

	static AddressView of(Address address) {
		return new AddressView(address.id(), address.name(), address.line1(), address.line2(), address.city(),
				address.postalCode(), address.country(), address.phone(), address.isDefault());
	}

}
