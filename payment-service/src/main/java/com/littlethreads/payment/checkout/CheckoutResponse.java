package com.littlethreads.payment.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where to pay for a placed order.
 *
 * @param orderId the order
 * @param checkoutUrl Stripe's hosted payment page
 * @param orderToken for guests only: the token that opens the order later (send it as
 * {@code X-Order-Token}); shown once, never stored in the clear
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CheckoutResponse(String orderId, String checkoutUrl, @Schema(nullable = true,
		description = "Guests only: read and cancel the order with it (X-Order-Token)") String orderToken) {

}
