package com.littlethreads.payment.checkout;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClientException;

import com.littlethreads.payment.PaymentProblems;
import com.littlethreads.payment.PaymentProperties;
import com.littlethreads.payment.catalog.CatalogClient;
import com.littlethreads.payment.catalog.CatalogClient.CatalogVariant;
import com.littlethreads.payment.catalog.InsufficientStockException;
import com.littlethreads.payment.catalog.UnknownSkusException;
import com.littlethreads.payment.order.Money;
import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderLine;
import com.littlethreads.payment.order.OrderMeters;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.payment.order.OrderTokens;
import com.littlethreads.payment.order.Orders;
import com.littlethreads.payment.order.PaymentOutcomes;
import com.littlethreads.payment.order.ShippingAddress;
import com.littlethreads.payment.stripe.StripeErrors;
import com.littlethreads.platform.problem.Problems;

/**
 * Places an order, in an order that never leaves money without an order or stock held for
 * nobody: the order is stored first (awaiting payment, at catalog prices), then stock is
 * held until shortly after the payment session ends, then the Stripe Checkout Session is
 * opened. A failure after the order exists cancels it and returns the stock.
 */
@Component
class Checkout {

	private static final Log log = LogFactory.getLog(Checkout.class);

	private final CatalogClient catalog;

	private final Orders orders;

	private final PaymentOutcomes outcomes;

	private final AccountClient accounts;

	private final StripeClient stripe;

	private final PaymentProperties properties;

	private final Clock clock;

	private final OrderMeters meters;

	Checkout(CatalogClient catalog, Orders orders, PaymentOutcomes outcomes, AccountClient accounts,
			StripeClient stripe, PaymentProperties properties, Clock clock, OrderMeters meters) {
		this.meters = meters;
		this.catalog = catalog;
		this.orders = orders;
		this.outcomes = outcomes;
		this.accounts = accounts;
		this.stripe = stripe;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Places the order and opens its payment session.
	 * @param request a request that passed Bean Validation
	 * @param user the signed-in shopper's token, or {@code null} for a guest
	 * @return the placed order and where to pay
	 */
	Placed place(CheckoutRequest request, Jwt user) {
		this.meters.checkoutStarted();
		try {
			return placeChecked(request, user);
		}
		catch (ErrorResponseException ex) {
			this.meters.checkoutRefused(ex);
			throw ex;
		}
	}

	private Placed placeChecked(CheckoutRequest request, Jwt user) {
		checkShape(request, user);
		String email = (request.email() != null) ? request.email() : this.accounts.email(user.getTokenValue());
		ShippingAddress address = (request.shippingAddress() != null) ? copy(request.shippingAddress())
				: this.accounts.address(request.shippingAddressId(), user.getTokenValue());
		List<OrderLine> lines = price(request.lines());

		Instant now = this.clock.instant();
		Instant sessionExpiresAt = now.plus(this.properties.sessionLifetime());
		String orderToken = (user == null) ? OrderTokens.newToken() : null;
		Order order = this.orders.insert(Order.placed(OrderTokens.newOrderId(), now,
				(user != null) ? user.getSubject() : null, (orderToken != null) ? OrderTokens.hash(orderToken) : null,
				email, lines, address, sessionExpiresAt));

		reserve(order, request.lines(), sessionExpiresAt.plus(this.properties.reservationGrace()));
		Session session = openSession(order);
		this.orders.update(order.id(), EnumSet.of(OrderStatus.PENDING_PAYMENT),
				new Update().set("sessionId", session.getId()).set("checkoutUrl", session.getUrl()));
		return new Placed(order.id(), session.getUrl(), orderToken);
	}

	/**
	 * The rules Bean Validation cannot express: one line per SKU (a repeated SKU is
	 * refused rather than merged, so the shopper sees the cart they sent), an email for
	 * guests, exactly one way of giving the address, and a saved address id that some
	 * address could have. All are checked before any order exists or any service is
	 * asked.
	 */
	private static void checkShape(CheckoutRequest request, Jwt user) {
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < request.lines().size(); i++) {
			Integer first = seen.putIfAbsent(request.lines().get(i).sku(), i);
			if (first != null) {
				throw Problems.invalidField("lines[%d].sku".formatted(i),
						"repeats the SKU of lines[%d]; put the whole quantity on one line".formatted(first));
			}
		}
		if (request.email() == null || request.email().isEmpty()) {
			// Stripe refuses an empty email only after the order exists: refuse it first.
			if (user == null) {
				throw Problems.invalidField("email", "is required for a guest checkout");
			}
			if (request.email() != null) {
				throw Problems.invalidField("email", "must not be blank; leave it out to use your account's email");
			}
		}
		if (request.shippingAddress() != null && request.shippingAddressId() != null) {
			throw Problems.invalidField("shippingAddressId", "cannot be sent together with shippingAddress");
		}
		if (request.shippingAddressId() != null && user == null) {
			throw Problems.invalidField("shippingAddressId", "needs a signed-in shopper; send shippingAddress");
		}
		if (request.shippingAddress() == null && request.shippingAddressId() == null) {
			throw Problems.invalidField("shippingAddress", "is required");
		}
		if (request.shippingAddressId() != null && !AccountClient.isWellFormedAddressId(request.shippingAddressId())) {
			throw PaymentProblems.unknownAddress(request.shippingAddressId());
		}
	}

	private List<OrderLine> price(List<CheckoutRequest.Line> requested) {
		Map<String, CatalogVariant> variants;
		try {
			variants = this.catalog.variants(requested.stream().map(CheckoutRequest.Line::sku).toList()).bySku();
		}
		catch (RestClientException ex) {
			log.warn("Catalog prices unavailable", ex);
			throw PaymentProblems.unavailable("catalog-unavailable", "catalog");
		}
		List<Map<String, Object>> unknown = new ArrayList<>();
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			CheckoutRequest.Line line = requested.get(i);
			CatalogVariant variant = variants.get(line.sku());
			if (variant == null || variant.price() == null) {
				unknown.add(Map.of("index", i, "sku", line.sku()));
				continue;
			}
			Money unit = new Money(variant.price().amount(), variant.price().currency());
			lines.add(new OrderLine(line.sku(), variant.name(), variant.size(), variant.colour(), line.quantity(), unit,
					unit.times(line.quantity())));
		}
		if (!unknown.isEmpty()) {
			throw PaymentProblems.unknownSku(unknown,
					"The shop does not sell %s.".formatted(unknown.stream()
						.map((line) -> "lines[%s] (SKU '%s')".formatted(line.get("index"), line.get("sku")))
						.reduce((a, b) -> a + ", " + b)
						.orElseThrow()));
		}
		if (lines.stream().map((line) -> line.unitPrice().currency()).distinct().count() > 1) {
			log.error("catalog-service priced one cart in several currencies");
			throw PaymentProblems.unavailable("catalog-unavailable", "catalog");
		}
		return lines;
	}

	private void reserve(Order order, List<CheckoutRequest.Line> requested, Instant expiresAt) {
		List<CatalogClient.Line> lines = requested.stream()
			.map((line) -> new CatalogClient.Line(line.sku(), line.quantity()))
			.toList();
		try {
			this.catalog.reserve(new CatalogClient.Reservation(order.id(), lines, expiresAt));
		}
		catch (InsufficientStockException ex) {
			this.outcomes.cancelled(order.id(), "stock-unavailable");
			List<Map<String, Object>> shortLines = new ArrayList<>();
			for (InsufficientStockException.ShortLine line : ex.lines()) {
				int index = indexOf(requested, line.sku());
				shortLines.add(Map.of("index", index, "sku", line.sku(), "requested", line.requested(), "available",
						line.available()));
			}
			throw PaymentProblems.insufficientStock(shortLines,
					"Not enough stock for %s.".formatted(shortLines.stream()
						.map((line) -> "lines[%s] (SKU '%s': %s left)".formatted(line.get("index"), line.get("sku"),
								line.get("available")))
						.reduce((a, b) -> a + ", " + b)
						.orElse("some lines")));
		}
		catch (UnknownSkusException ex) {
			this.outcomes.cancelled(order.id(), "stock-unavailable");
			List<Map<String, Object>> unknown = ex.skus()
				.stream()
				.map((sku) -> Map.<String, Object>of("index", indexOf(requested, sku), "sku", sku))
				.toList();
			throw PaymentProblems.unknownSku(unknown, "The shop no longer sells SKUs %s.".formatted(ex.skus()));
		}
		catch (RestClientException ex) {
			log.warn("Stock reservation for " + order.id() + " failed", ex);
			// The hold may exist after all: cancelling releases it (or catalog's expiry
			// does).
			this.outcomes.cancelled(order.id(), "inventory-unavailable");
			throw PaymentProblems.unavailable("inventory-unavailable", "stock service");
		}
	}

	private Session openSession(Order order) {
		String currency = order.currency().toLowerCase(java.util.Locale.ROOT);
		URI publicUrl = this.properties.publicUrl();
		String base = publicUrl.toString().replaceAll("/+$", "");
		SessionCreateParams.Builder params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			// Cards only (Apple Pay and Google Pay too): their outcome is known while
			// the shopper is on the page. Without the list Stripe offers every method
			// the account enables, bank debits among them, whose money arrives days
			// after the stock hold (the session plus reservation-grace) has lapsed.
			.addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
			.setClientReferenceId(order.id())
			.putMetadata("order_id", order.id())
			.setCustomerEmail(order.email())
			.setSuccessUrl(base + "/checkout/success/?order=" + order.id())
			.setCancelUrl(base + "/checkout/cancel/?order=" + order.id())
			.setExpiresAt(order.sessionExpiresAt().getEpochSecond());
		for (OrderLine line : order.lines()) {
			params.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity((long) line.quantity())
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(currency)
					.setUnitAmount(line.unitPrice().amount())
					.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
						.setName("%s (%s, %s)".formatted(line.name(), line.size(), line.colour()))
						.putMetadata("sku", line.sku())
						.build())
					.build())
				.build());
		}
		try {
			return this.stripe.v1()
				.checkout()
				.sessions()
				.create(params.build(), RequestOptions.builder().setIdempotencyKey("checkout-" + order.id()).build());
		}
		catch (StripeException ex) {
			// If Stripe did create the session after all, it can only be paid until it
			// expires; a payment for this cancelled order is then flagged for a refund.
			this.outcomes.cancelled(order.id(), "payment-start-failed");
			throw StripeErrors.problem("create a checkout session", ex);
		}
	}

	private static int indexOf(List<CheckoutRequest.Line> lines, String sku) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).sku().equals(sku)) {
				return i;
			}
		}
		return -1;
	}

	private static ShippingAddress copy(CheckoutRequest.Address address) {
		return new ShippingAddress(address.name(), address.line1(), address.line2(), address.city(),
				address.postalCode(), address.country());
	}

	/**
	 * A placed order.
	 *
	 * @param orderId the order
	 * @param checkoutUrl where to pay
	 * @param orderToken a guest's order token, or {@code null}
	 */
	record Placed(String orderId, String checkoutUrl, String orderToken) {

	}

}
