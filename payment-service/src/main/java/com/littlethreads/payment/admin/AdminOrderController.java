package com.littlethreads.payment.admin;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.payment.IdempotencyKeys;
import com.littlethreads.payment.PaymentProblems;
import com.littlethreads.payment.order.Money;
import com.littlethreads.payment.order.Order;
import com.littlethreads.payment.order.OrderLine;
import com.littlethreads.payment.order.OrderPage;
import com.littlethreads.payment.order.OrderRepository;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.payment.stripe.StripeErrors;
import com.littlethreads.platform.problem.Problems;

/**
 * Orders for staff (role ADMIN): list and filter, and refund through Stripe. A refund is
 * asked of Stripe here; the order becomes REFUNDED or PARTIALLY_REFUNDED when Stripe's
 * {@code charge.refunded} event arrives, so the order never claims a refund Stripe did
 * not make.
 */
@RestController
@RequestMapping("/api/orders/admin/orders")
@Tag(name = "Admin")
@SecurityRequirement(name = "bearer")
class AdminOrderController {

	private final MongoTemplate mongo;

	private final OrderRepository orders;

	private final StripeClient stripe;

	AdminOrderController(MongoTemplate mongo, OrderRepository orders, StripeClient stripe) {
		this.mongo = mongo;
		this.orders = orders;
		this.stripe = stripe;
	}

	@GetMapping
	@Operation(summary = "All orders, newest first",
			description = "status filters by status; email matches the shopper's email exactly, ignoring case.")
	OrderPage<AdminOrderView> list(@RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) @Size(max = 254) String email,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		Criteria criteria = new Criteria();
		if (status != null) {
			criteria.and("status").is(status.name());
		}
		if (email != null && !email.isBlank()) {
			criteria.and("email").regex("^" + literal(email.trim()) + "$", "i");
		}
		long total = this.mongo.count(Query.query(criteria), Order.class);
		Query query = Query.query(criteria)
			.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))
			.skip((long) page * pageSize)
			.limit(pageSize);
		List<AdminOrderView> items = this.mongo.find(query, Order.class).stream().map(AdminOrderView::of).toList();
		return new OrderPage<>(items, page, pageSize, total);
	}

	/**
	 * A pattern matching exactly the text, for any regex engine (MongoDB's PCRE and the
	 * embedded store's Java alike): metacharacters are escaped one by one, and control
	 * characters are written as {@code \xHH}, because a BSON pattern cannot carry a NUL
	 * (the driver refused it: 500). {@code \Q...\E} quoting is not used: it keeps such
	 * characters raw.
	 * @param text the text
	 * @return the pattern
	 */
	private static String literal(String text) {
		StringBuilder escaped = new StringBuilder(text.length() * 2);
		for (char c : text.toCharArray()) {
			if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
				escaped.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
				continue;
			}
			if ("\\^$.|?*+()[]{}-#/".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	@PostMapping("/{id}/refunds")
	@Operation(summary = "Refund a paid order, in full or some lines",
			description = "No body (or no lines) refunds what is left of the payment; lines refund their unit "
					+ "price times the quantity given. The Idempotency-Key makes a retried request refund once. "
					+ "Answers 202: the order's status follows when Stripe confirms with charge.refunded.")
	@Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, required = true,
			description = "8 to 255 visible ASCII characters (no spaces), new for each refund",
			schema = @Schema(type = "string", pattern = "^[!-~]{8,255}$"))
	ResponseEntity<RefundView> refund(@PathVariable String id,
			@Valid @RequestBody(required = false) RefundRequest request, HttpServletRequest http) {
		String idempotencyKey = IdempotencyKeys.require(http, "refund");
		Order order = this.orders.findById(id).orElseThrow(() -> PaymentProblems.orderNotFound(id));
		if ((order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_REFUNDED)
				|| order.paymentIntentId() == null) {
			throw PaymentProblems.orderNotRefundable(id, order.status());
		}
		long refundable = order.total().amount() - order.amountRefunded();
		long amount = (request == null || request.lines() == null || request.lines().isEmpty()) ? refundable
				: amountOf(order, request.lines());
		if (amount > refundable) {
			throw PaymentProblems.refundTooLarge(amount, refundable);
		}
		Refund refund;
		try {
			refund = this.stripe.v1()
				.refunds()
				.create(RefundCreateParams.builder()
					.setPaymentIntent(order.paymentIntentId())
					.setAmount(amount)
					.putMetadata("order_id", id)
					.build(),
						RequestOptions.builder().setIdempotencyKey("refund-" + id + "-" + idempotencyKey).build());
		}
		catch (StripeException ex) {
			throw StripeErrors.problem("refund", ex);
		}
		RefundView view = new RefundView(refund.getId(), id, new Money(amount, order.currency()), refund.getStatus());
		return ResponseEntity.accepted().location(URI.create("/api/orders/admin/orders/" + id)).body(view);
	}

	private static long amountOf(Order order, List<RefundRequest.Line> lines) {
		long amount = 0;
		for (int i = 0; i < lines.size(); i++) {
			RefundRequest.Line wanted = lines.get(i);
			OrderLine line = order.lines()
				.stream()
				.filter((candidate) -> candidate.sku().equals(wanted.sku()))
				.findFirst()
				.orElse(null);
			if (line == null) {
				throw Problems.invalidField("lines[%d].sku".formatted(i), "is not in this order");
			}
			if (wanted.quantity() > line.quantity()) {
				throw Problems.invalidField("lines[%d].quantity".formatted(i),
						"must not exceed the %d ordered".formatted(line.quantity()));
			}
			amount += line.unitPrice().amount() * wanted.quantity();
		}
		return amount;
	}

	/**
	 * What to refund.
	 *
	 * @param lines lines to refund; none means everything still refundable
	 */
	record RefundRequest(@Size(max = 20) List<@NotNull @Valid Line> lines) {

		/**
		 * A line to refund.
		 *
		 * @param sku the variant, as ordered
		 * @param quantity how many of it
		 */
		record Line(@NotBlank String sku, @NotNull @Min(1) @Max(10) Integer quantity) {

		}

	}

	/**
	 * A refund Stripe accepted.
	 *
	 * @param refundId Stripe's refund id
	 * @param orderId the order
	 * @param amount how much
	 * @param status Stripe's refund status ({@code pending}, {@code succeeded} ...)
	 */
	record RefundView(String refundId, String orderId, Money amount, String status) {

	}

}
