package com.littlethreads.payment.order;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.littlethreads.platform.test.Concurrently;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarded order updates, run on the embedded store and on real MongoDB: a transition
 * happens only from an allowed status, and of racing transitions exactly one wins.
 */
abstract class OrdersContract {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OrderRepository repository;

	Orders orders;

	@BeforeEach
	void emptyStore() {
		this.mongo.remove(new Query(), Order.class);
		this.orders = new Orders(this.mongo, new OrderMeters(new SimpleMeterRegistry(), this.mongo));
	}

	@Test
	void orderRoundTripsWithItsLinesAndMoney() {
		this.orders.insert(pending("ord_a"));

		Order stored = this.repository.findById("ord_a").orElseThrow();

		assertThat(stored.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(stored.total()).isEqualTo(new Money(2400, "GBP"));
		assertThat(stored.lines().get(0).unitPrice()).isEqualTo(new Money(1200, "GBP"));
		assertThat(stored.shippingAddress().country()).isEqualTo("GB");
	}

	@Test
	void allowedTransitionChangesStatusAndFields() {
		this.orders.insert(pending("ord_b"));

		Order paid = this.orders.transition("ord_b", OrderStatus.PAID, new Update().set("paidAt", NOW)).orElseThrow();

		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.paidAt()).isEqualTo(NOW);
	}

	@Test
	void transitionFromAStatusThatMayNotMoveThereChangesNothing() {
		this.orders.insert(pending("ord_c"));
		this.orders.transition("ord_c", OrderStatus.PAID, null);

		assertThat(this.orders.transition("ord_c", OrderStatus.EXPIRED, new Update().set("expiredAt", NOW))).isEmpty();

		Order stored = this.repository.findById("ord_c").orElseThrow();
		assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
		assertThat(stored.expiredAt()).isNull();
	}

	@Test
	void extraGuardMustHoldToo() {
		this.orders.insert(pending("ord_d"));
		this.orders.transition("ord_d", OrderStatus.PAID, null);
		this.orders.transition("ord_d", OrderStatus.PARTIALLY_REFUNDED, Criteria.where("amountRefunded").lt(1000),
				new Update().set("amountRefunded", 1000));

		assertThat(this.orders.transition("ord_d", OrderStatus.PARTIALLY_REFUNDED,
				Criteria.where("amountRefunded").lt(500), new Update().set("amountRefunded", 500)))
			.isEmpty();
		assertThat(this.repository.findById("ord_d").orElseThrow().amountRefunded()).isEqualTo(1000);
	}

	@Test
	void ofRacingTransitionsExactlyOneWins() throws Exception {
		this.orders.insert(pending("ord_e"));
		List<Boolean> won = Concurrently.run(16,
				(i) -> this.orders.transition("ord_e", (i % 2 == 0) ? OrderStatus.PAID : OrderStatus.EXPIRED, null)
					.isPresent());

		assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
	}

	@Test
	void pendingOrdersPastTheirSessionAreFound() {
		this.orders.insert(pending("ord_f"));

		assertThat(this.repository.findByStatusAndSessionExpiresAtBefore(OrderStatus.PENDING_PAYMENT,
				NOW.plusSeconds(31 * 60 + 1)))
			.extracting(Order::id)
			.containsExactly("ord_f");
		assertThat(this.repository.findByStatusAndSessionExpiresAtBefore(OrderStatus.PENDING_PAYMENT, NOW)).isEmpty();
	}

	private static Order pending(String id) {
		Money unit = new Money(1200, "GBP");
		return Order.placed(id, NOW, "user-1", null, "a@example.com",
				List.of(new OrderLine("LT-1", "Tee", "4T", "red", 2, unit, unit.times(2))),
				new ShippingAddress("A", "1 Road", null, "Town", "AB1 2CD", "GB"), NOW.plusSeconds(31 * 60));
	}

}
