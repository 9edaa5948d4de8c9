package com.littlethreads.payment.order;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where the parcel goes, copied into the order so later edits to a saved address do not
 * change it.
 *
 * @param name who receives the parcel
 * @param line1 first address line
 * @param line2 second address line, or {@code null}
 * @param city the city or town
 * @param postalCode the postal code
 * @param country ISO 3166-1 alpha-2 code
 */
public record ShippingAddress(String name, String line1, @Schema(nullable = true) String line2, String city,
		String postalCode, String country) {

}
