package com.littlethreads.payment.order;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order as its shopper sees it.
 *
 * @param id the order id
 * @param status where it is in its life
 * @param createdAt when it was placed
 * @param email the shopper's email
 * @param lines what was ordered
 * @param total what it costs
 * @param shippingAddress where it goes
 * @param paidAt when the payment was confirmed, or {@code null}
 */
public record OrderView(String id, OrderStatus status, Instant createdAt, String email, List<OrderLine> lines,
		Money total, ShippingAddress shippingAddress, @Schema(nullable = true) Instant paidAt) {

	public static OrderView of(Order order) {
		return new OrderView(order.id(), order.status(), order.createdAt(), order.email(), order.lines(), order.total(),
				order.shippingAddress(), order.paidAt());
	}

}
