package com.littlethreads.payment.checkout;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.littlethreads.platform.input.SingleLine;

/**
 * A checkout: the cart, who pays, and where it goes. Prices are never part of it.
 *
 * @param lines 1 to 20 lines, each SKU at most once
 * @param email the shopper's email; required for guests, the account's email when absent
 * for a signed-in shopper
 * @param shippingAddress where it goes
 * @param shippingAddressId one of a signed-in shopper's saved addresses, instead of
 * {@code shippingAddress}
 */
record CheckoutRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Line> lines,
		@Email @Size(max = 254) @SingleLine String email, @Valid Address shippingAddress,
		@Size(min = 1, max = 64) String shippingAddressId) {

	/**
	 * One cart line.
	 *
	 * @param sku the variant
	 * @param quantity 1 to 10
	 */
	record Line(@NotBlank @Size(max = 64) @SingleLine String sku, @NotNull @Min(1) @Max(10) Integer quantity) {

	}

	/**
	 * A shipping address.
	 *
	 * @param name who receives the parcel
	 * @param line1 first address line
	 * @param line2 second address line, optional
	 * @param city the city or town
	 * @param postalCode the postal code
	 * @param country ISO 3166-1 alpha-2 code, upper case
	 */
	record Address(@NotBlank @Size(max = 100) @SingleLine String name,
			@NotBlank @Size(max = 200) @SingleLine String line1, @Size(max = 200) @SingleLine String line2,
			@NotBlank @Size(max = 100) @SingleLine String city, @NotBlank @Size(max = 20) @SingleLine String postalCode,
			@NotBlank @Pattern(regexp = "[A-Z]{2}",
					message = "must be an ISO 3166-1 alpha-2 code like GB") String country) {

	}

}
