package com.littlethreads.payment.order;

import java.net.URI;
import java.util.List;
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

	/**
	 * Why checkout refuses, as far as it is known in advance; others (validation
	 * problems) are counted as they come.
	 */
	private static final List<String> REFUSALS = List.of("unknown-sku", "insufficient-stock", "unknown-address",
			"catalog-unavailable", "inventory-unavailable", "payment-provider-error", "payment-provider-unavailable");

	private static final String PAID = "shop.revenue.paid.minor.units";

	private static final String PAID_DESCRIPTION = "Money paid for orders, in minor units of the currency";

	private static final String REFUNDED = "shop.revenue.refunded.minor.units";

	private static final String REFUNDED_DESCRIPTION = "Money refunded, in minor units of the currency";

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
		// Every series a dashboard or an alert reads exists from the start, at 0: a rate
		// over a series that appears only with its first event misses that event.
		for (OrderStatus status : OrderStatus.values()) {
			if (status.allowedFrom().contains(OrderStatus.PENDING_PAYMENT)) {
				ended(status);
			}
		}
		for (String reason : REFUSALS) {
			refused(reason);
		}
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
		refused(reason(problem)).increment();
	}

	private Counter refused(String reason) {
		return Counter.builder("shop.checkouts.refused")
			.description("Checkouts refused, by the problem type the shopper was answered")
			.tag("reason", reason)
			.register(this.registry);
	}

	private Counter ended(OrderStatus status) {
		return Counter.builder("shop.checkouts.ended")
			.description("Orders that left awaiting payment, by how")
			.tag("outcome", status.name().toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

	private Counter revenue(String name, String description, String currency) {
		return Counter.builder(name).description(description).tag("currency", currency).register(this.registry);
	}

	/**
	 * An order left PENDING_PAYMENT: paid, expired, payment failed or cancelled. A paid
	 * order also counts its total as revenue.
	 * @param order the order as it is now
	 */
	void ended(Order order) {
		ended(order.status()).increment();
		if (order.status() == OrderStatus.PAID) {
			revenue(PAID, PAID_DESCRIPTION, order.currency()).increment(order.total().amount());
			// So that the refunds panel has a series (at 0) in each currency paid in.
			revenue(REFUNDED, REFUNDED_DESCRIPTION, order.currency());
		}
	}

	/**
	 * Stripe reports more of an order's payment refunded than before.
	 * @param order the order
	 * @param amount how much more, in minor units
	 */
	void refunded(Order order, long amount) {
		revenue(REFUNDED, REFUNDED_DESCRIPTION, order.currency()).increment(amount);
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
