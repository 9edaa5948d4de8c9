package com.littlethreads.payment.checkout;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.littlethreads.platform.input.CountryCode;
import com.littlethreads.platform.input.SingleLine;

/**
 * A checkout: the cart, who pays, and where it goes. Prices are never part of it.
 *
 * @param lines 1 to 20 lines, each SKU at most once
 * @param email the shopper's email, trimmed and in lower case as user-service keeps
 * emails; required for guests, the account's email when absent for a signed-in shopper
 * @param shippingAddress where it goes
 * @param shippingAddressId one of a signed-in shopper's saved addresses, instead of
 * {@code shippingAddress}
 */
record CheckoutRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Line> lines,
		@Email @Size(max = 254) @SingleLine String email, @Valid Address shippingAddress,
		@Size(min = 1, max = 64) String shippingAddressId) {

	/**
	 * The catalog's SKU format (catalog-service refuses any other SKU for a variant). A
	 * SKU outside it cannot be sold, and checking it here keeps characters with a meaning
	 * in URLs ({@code &}, {@code {}}, {@code /}) away from the catalog call altogether.
	 */
	static final String SKU = "[A-Z0-9]+(-[A-Z0-9]+)*";

	CheckoutRequest {
		// As user-service normalises emails: "Ann@Example.com " pasted with a space is
		// the same mailbox, and Stripe would refuse the space.
		email = (email != null) ? email.trim().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * One cart line.
	 *
	 * @param sku the variant, in the catalog's SKU format
	 * @param quantity 1 to 10
	 */
	record Line(@NotNull @Size(min = 3, max = 40) @Pattern(regexp = SKU,
			message = "must be upper-case letters and digits joined by hyphens, as the catalog's SKUs are") String sku,
			@NotNull @Min(1) @Max(10) Integer quantity) {

	}

	/**
	 * A shipping address.
	 *
	 * @param name who receives the parcel
	 * @param line1 first address line
	 * @param line2 second address line, optional
	 * @param city the city or town
	 * @param postalCode the postal code
	 * @param country an assigned ISO 3166-1 alpha-2 code, upper case
	 */
	record Address(@NotBlank @Size(max = 100) @SingleLine String name,
			@NotBlank @Size(max = 200) @SingleLine String line1, @Size(max = 200) @SingleLine String line2,
			@NotBlank @Size(max = 100) @SingleLine String city, @NotBlank @Size(max = 20) @SingleLine String postalCode,
			@NotNull @CountryCode @Schema(pattern = "^[A-Z]{2}$", maxLength = 2, example = "GB") String country) {

	}

}
