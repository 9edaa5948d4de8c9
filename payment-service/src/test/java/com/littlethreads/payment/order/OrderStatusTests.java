package com.littlethreads.payment.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order state machine: forward moves only.
 */
class OrderStatusTests {

	@Test
	void pendingOrderMayEndInEveryWayButARefund() {
		assertThat(OrderStatus.PENDING_PAYMENT.canBecome(OrderStatus.PAID)).isTrue();
		assertThat(OrderStatus.PENDING_PAYMENT.canBecome(OrderStatus.PAYMENT_FAILED)).isTrue();
		assertThat(OrderStatus.PENDING_PAYMENT.canBecome(OrderStatus.EXPIRED)).isTrue();
		assertThat(OrderStatus.PENDING_PAYMENT.canBecome(OrderStatus.CANCELLED)).isTrue();
		assertThat(OrderStatus.PENDING_PAYMENT.canBecome(OrderStatus.REFUNDED)).isFalse();
	}

	@Test
	void paidOrderNeverGoesBackToAnUnpaidState() {
		for (OrderStatus unpaid : new OrderStatus[] { OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED,
				OrderStatus.EXPIRED, OrderStatus.CANCELLED }) {
			assertThat(OrderStatus.PAID.canBecome(unpaid)).as("PAID to %s", unpaid).isFalse();
			assertThat(OrderStatus.REFUNDED.canBecome(unpaid)).as("REFUNDED to %s", unpaid).isFalse();
		}
	}

	@Test
	void endedUnpaidOrdersStayEnded() {
		for (OrderStatus ended : new OrderStatus[] { OrderStatus.PAYMENT_FAILED, OrderStatus.EXPIRED,
				OrderStatus.CANCELLED }) {
			for (OrderStatus next : OrderStatus.values()) {
				assertThat(ended.canBecome(next)).as("%s to %s", ended, next).isFalse();
			}
		}
	}

	@Test
	void refundsOnlyFollowAPayment() {
		assertThat(OrderStatus.PAID.canBecome(OrderStatus.PARTIALLY_REFUNDED)).isTrue();
		assertThat(OrderStatus.PARTIALLY_REFUNDED.canBecome(OrderStatus.PARTIALLY_REFUNDED)).isTrue();
		assertThat(OrderStatus.PARTIALLY_REFUNDED.canBecome(OrderStatus.REFUNDED)).isTrue();
		assertThat(OrderStatus.REFUNDED.canBecome(OrderStatus.PARTIALLY_REFUNDED)).isFalse();
	}

}
