package com.littlethreads.user.account;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.littlethreads.platform.input.CountryCode;
import com.littlethreads.platform.input.SingleLine;

/**
 * A shipping address as a shopper enters it, for adding and for replacing.
 *
 * @param name who receives the parcel
 * @param line1 first address line
 * @param line2 second address line (optional)
 * @param city city or town
 * @param postalCode postal code: letters, digits, spaces and hyphens
 * @param country ISO 3166-1 alpha-2 code in upper case
 * @param phone phone number for the carrier in international form, such as +44 20 7946
 * 0958 (optional)
 * @param isDefault make this the default address (also accepted as {@code default})
 */
record AddressRequest(@NotBlank @Size(max = 100) @SingleLine String name,
		@NotBlank @Size(max = 200) @SingleLine String line1, @Size(max = 200) @SingleLine String line2,
		@NotBlank @Size(max = 100) @SingleLine String city,
		@NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 \\-]*",
				message = "may contain only letters, digits, spaces and hyphens") String postalCode,
		@NotNull @CountryCode @Schema(pattern = "^[A-Z]{2}$", maxLength = 2, example = "GB") String country,
		@Size(max = 30) @Pattern(regexp = "\\+[1-9](?:[ \\-]?[0-9]){6,14}",
				message = "must be an international number such as +44 20 7946 0958") String phone,
		@JsonAlias("default") Boolean isDefault) {

	Address toAddress(Instant now) {
		return new Address(null, this.name.trim(), this.line1.trim(), blankToNull(this.line2), this.city.trim(),
				this.postalCode.trim(), this.country, (this.phone != null) ? this.phone.replaceAll("[ \\-]", "") : null,
				Boolean.TRUE.equals(this.isDefault), now);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
