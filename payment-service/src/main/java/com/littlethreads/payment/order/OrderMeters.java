package com.littlethreads.payment.order;

import java.net.URI;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The shop as a shop: the checkout funnel, the money and the orders staff must look at.
 * Every label has a small fixed set of values (problem type slugs, order statuses,
 * currencies the catalog prices in, attention reasons), never ids or amounts.
 */
@Component
public class OrderMeters {

	private final MeterRegistry registry;

	private final Counter started;

	OrderMeters(MeterRegistry registry, MongoTemplate mongo) {
		this.registry = registry;
		this.started = Counter.builder("shop.checkouts.started")
			.description("Checkouts asked for, before any check")
			.register(registry);
		// A count query per scrape: the flagged orders are few, and the stored flag is
		// the
		// truth, whichever instance flagged them and whatever staff cleared since.
		Gauge
			.builder("shop.orders.needing.attention", mongo,
					(template) -> template.count(Query.query(Criteria.where("needsAttention").is(true)), Order.class))
			.description("Orders flagged for staff (typically to refund)")
			.register(registry);
	}

	/**
	 * A shopper asked to check out.
	 */
	public void checkoutStarted() {
		this.started.increment();
	}

	/**
	 * Checkout was refused with the given problem.
	 * @param problem what the shopper was answered
	 */
	public void checkoutRefused(ErrorResponseException problem) {
		Counter.builder("shop.checkouts.refused")
			.description("Checkouts refused, by the problem type the shopper was answered")
			.tag("reason", reason(problem))
			.register(this.registry)
			.increment();
	}

	/**
	 * An order left PENDING_PAYMENT: paid, expired, payment failed or cancelled. A paid
	 * order also counts its total as revenue.
	 * @param order the order as it is now
	 */
	void ended(Order order) {
		Counter.builder("shop.checkouts.ended")
			.description("Orders that left awaiting payment, by how")
			.tag("outcome", order.status().name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment();
		if (order.status() == OrderStatus.PAID) {
			Counter.builder("shop.revenue.paid.minor.units")
				.description("Money paid for orders, in minor units of the currency")
				.tag("currency", order.currency())
				.register(this.registry)
				.increment(order.total().amount());
		}
	}

	/**
	 * Stripe reports more of an order's payment refunded than before.
	 * @param order the order
	 * @param amount how much more, in minor units
	 */
	void refunded(Order order, long amount) {
		Counter.builder("shop.revenue.refunded.minor.units")
			.description("Money refunded, in minor units of the currency")
			.tag("currency", order.currency())
			.register(this.registry)
			.increment(amount);
	}

	/**
	 * An order was flagged for staff.
	 * @param reason the order's attention reason
	 */
	void flagged(String reason) {
		Counter.builder("shop.orders.flagged")
			.description("Orders flagged for staff, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	private static String reason(ErrorResponseException problem) {
		URI type = problem.getBody().getType();
		String path = (type != null) ? type.getPath() : null;
		if (path == null || path.isEmpty() || "about:blank".equals(type.toString())) {
			return "status-" + problem.getStatusCode().value();
		}
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
