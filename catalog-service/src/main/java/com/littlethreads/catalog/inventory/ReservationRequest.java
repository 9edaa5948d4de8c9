package com.littlethreads.catalog.inventory;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.littlethreads.platform.input.SingleLine;

/**
 * A request to hold stock for an order.
 *
 * @param orderId the order (the idempotency key: one reservation per order)
 * @param lines what to hold, each SKU at most once
 * @param expiresAt when the hold lapses if nobody commits or releases it; in the future
 * and at most 24 hours ahead
 */
record ReservationRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+") String orderId,
		@NotEmpty @Size(max = 50) List<@Valid @NotNull LineRequest> lines, @NotNull Instant expiresAt) {

	/**
	 * One line to hold.
	 *
	 * @param sku the variant
	 * @param quantity the units, 1 to 1000
	 */
	record LineRequest(@NotBlank @Size(max = 40) @SingleLine String sku, @NotNull @Min(1) @Max(1000) Integer quantity) {

	}

}
