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

	@Test
	void refundStatusFollowsTheAmountStripeReportsRefunded() {
		assertThat(OrderStatus.afterRefunds(0, 2400)).isEqualTo(OrderStatus.PAID);
		assertThat(OrderStatus.afterRefunds(1, 2400)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		assertThat(OrderStatus.afterRefunds(2399, 2400)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		assertThat(OrderStatus.afterRefunds(2400, 2400)).isEqualTo(OrderStatus.REFUNDED);
	}

	@Test
	void refundMovesForwardOnlyAndMaySucceedThenFail() {
		assertThat(RefundStatus.PENDING.canBecome(RefundStatus.SUCCEEDED)).isTrue();
		assertThat(RefundStatus.SUCCEEDED.canBecome(RefundStatus.FAILED)).isTrue();
		assertThat(RefundStatus.SUCCEEDED.canBecome(RefundStatus.PENDING)).isFalse();
		assertThat(RefundStatus.SUCCEEDED.canBecome(RefundStatus.CANCELED)).isFalse();
		for (RefundStatus next : RefundStatus.values()) {
			assertThat(RefundStatus.FAILED.canBecome(next)).as("FAILED to %s", next).isFalse();
			assertThat(RefundStatus.CANCELED.canBecome(next)).as("CANCELED to %s", next).isFalse();
		}
	}

}
