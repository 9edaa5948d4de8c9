package com.littlethreads.payment.admin;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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
import com.littlethreads.payment.order.OrderRefund;
import com.littlethreads.payment.order.OrderRepository;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.payment.stripe.StripeErrors;
import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * Orders for staff (role ADMIN): list and filter, and refund through Stripe. A refund is
 * asked of Stripe here; the order becomes PARTIALLY_REFUNDED or REFUNDED when Stripe
 * reports the refund succeeded, so the order never claims a refund Stripe did not make.
 */
@RestController
@RequestMapping("/api/orders/admin/orders")
@Tag(name = "Admin")
class AdminOrderController {

	private static final Log log = LogFactory.getLog(AdminOrderController.class);

	private final MongoTemplate mongo;

	private final OrderRepository orders;

	private final StripeClient stripe;

	private final RefundLedgers ledgers;

	AdminOrderController(MongoTemplate mongo, OrderRepository orders, StripeClient stripe, RefundLedgers ledgers) {
		this.mongo = mongo;
		this.orders = orders;
		this.stripe = stripe;
		this.ledgers = ledgers;
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
					+ "A refund counts against what is left as soon as Stripe is asked, so a second refund "
					+ "before Stripe confirms the first gets 409 already-refunded or 422 refund-too-large. "
					+ "Answers 202: the order's refunds and status follow Stripe's refund events (pending, succeeded, "
					+ "failed); a refund Stripe reports failed flags the order and its amount may be refunded again.")
	@ApiResponse(responseCode = "202", description = "Stripe accepted the refund")
	@ApiResponse(responseCode = "409",
			description = "order-not-refundable, already-refunded (nothing left), idempotency-key-reused")
	@ApiResponse(responseCode = "422", description = "refund-too-large")
	@ApiResponse(responseCode = "502", description = "payment-provider-error: Stripe refused the refund")
	@ApiResponse(responseCode = "503",
			description = "payment-provider-unavailable: Stripe could not be reached; retry with the same key")
	@Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, required = true,
			description = "8 to 255 visible ASCII characters (no spaces), new for each refund",
			schema = @Schema(type = "string", minLength = 8, maxLength = 255, pattern = "^[!-~]{8,255}$"))
	ResponseEntity<RefundView> refund(@PathVariable String id,
			@Valid @RequestBody(required = false) RefundRequest request, HttpServletRequest http) {
		String idempotencyKey = IdempotencyKeys.require(http, "refund");
		Order order = this.orders.findById(id).orElseThrow(() -> PaymentProblems.orderNotFound(id));
		if ((order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_REFUNDED)
				|| order.paymentIntentId() == null) {
			throw PaymentProblems.orderNotRefundable(id, order.status());
		}
		String keyHash = RefundLedgers.sha256(idempotencyKey);
		String bodyHash = RefundLedgers.sha256(describe(request));
		SetAside setAside = this.ledgers.find(id, keyHash)
			.map((earlier) -> new SetAside(sameRequest(earlier, bodyHash), false))
			.orElseGet(() -> setAside(order, keyHash, bodyHash, request));
		long amount = setAside.request().amount();
		Refund refund;
		try {
			refund = this.stripe.v1()
				.refunds()
				.create(RefundCreateParams.builder()
					.setPaymentIntent(order.paymentIntentId())
					.setAmount(amount)
					.putMetadata("order_id", id)
					.build(), RequestOptions.builder().setIdempotencyKey(stripeKey(id, idempotencyKey)).build());
		}
		catch (StripeException ex) {
			// A refund set aside by an earlier request may have been made: keep it unless
			// Stripe says no refund exists under this key.
			if (setAside.now() || !StripeErrors.isUnavailable(ex)) {
				this.ledgers.release(id, setAside.request());
			}
			throw refundProblem(id, amount, ex);
		}
		this.ledgers.accepted(id, keyHash, refund.getId());
		RefundView view = new RefundView(refund.getId(), id, new Money(amount, order.currency()), refund.getStatus());
		return ResponseEntity.accepted().location(URI.create("/api/orders/admin/orders/" + id)).body(view);
	}

	/**
	 * Sets the refund's amount aside, taking into account what other refunds set aside
	 * and what Stripe reports refunded or being refunded. Refunds Stripe reports failed
	 * or cancelled give their amount back first, so staff can refund that money again.
	 * When another refund changes the ledger between our read and our claim, the decision
	 * is made again on what it left.
	 */
	private SetAside setAside(Order order, String keyHash, String bodyHash, RefundRequest request) {
		long total = order.total().amount();
		this.ledgers.releaseRefunds(order.id(),
				order.refunds()
					.stream()
					.filter((refund) -> !refund.status().takesMoney())
					.map(OrderRefund::refundId)
					.toList());
		long takenByStripe = order.amountRefunded() + order.amountRefundPending();
		for (int attempt = 0; attempt < 5; attempt++) {
			long refundable = total - Math.max(takenByStripe, this.ledgers.requested(order.id()));
			if (refundable <= 0) {
				throw PaymentProblems.alreadyRefunded(order.id());
			}
			long amount = isEverything(request) ? refundable : amountOf(order, request.lines());
			if (amount <= 0) {
				throw Problems.invalidField("lines", "add up to nothing to refund");
			}
			if (amount > refundable) {
				throw PaymentProblems.refundTooLarge(amount, refundable);
			}
			if (this.ledgers.claim(order.id(), total, keyHash, bodyHash, amount)) {
				return new SetAside(this.ledgers.find(order.id(), keyHash).orElseThrow(), true);
			}
			Optional<RefundLedger.Request> sameKey = this.ledgers.find(order.id(), keyHash);
			if (sameKey.isPresent()) {
				return new SetAside(sameRequest(sameKey.get(), bodyHash), false);
			}
		}
		throw Problems.exception(Problems.of(ProblemType.CONCURRENT_MODIFICATION,
				"Other refunds of this order are being asked for right now. Read the order and try again."));
	}

	private static RefundLedger.Request sameRequest(RefundLedger.Request earlier, String bodyHash) {
		if (!earlier.bodyHash().equals(bodyHash)) {
			throw PaymentProblems.idempotencyKeyReused();
		}
		return earlier;
	}

	/**
	 * Stripe's refusals that describe the order's state are conflicts, not provider
	 * errors: it has been refunded in full (by a refund we have not heard back about yet,
	 * or in Stripe's dashboard), or less is left than asked for.
	 */
	private static ErrorResponseException refundProblem(String id, long amount, StripeException ex) {
		if (ex instanceof InvalidRequestException invalid) {
			if ("charge_already_refunded".equals(invalid.getCode())) {
				log.info("Stripe says order %s is refunded in full already (request %s)".formatted(id,
						invalid.getRequestId()));
				return PaymentProblems.alreadyRefunded(id);
			}
			if ("amount_too_large".equals(invalid.getCode())) {
				log.info("Stripe says less than %d is left to refund on order %s (request %s)".formatted(amount, id,
						invalid.getRequestId()));
				return PaymentProblems.refundTooLarge(amount);
			}
		}
		return StripeErrors.problem("refund", ex);
	}

	/**
	 * Stripe's idempotency key for a refund: ours prefixed with the order, hashed when
	 * that would pass Stripe's limit of 255 characters (keys that fit keep their old
	 * form, so a retry across an upgrade still finds its refund at Stripe).
	 */
	private static String stripeKey(String orderId, String idempotencyKey) {
		String key = "refund-" + orderId + "-" + idempotencyKey;
		return (key.length() <= 255) ? key : "refund-" + orderId + "-sha256-" + RefundLedgers.sha256(idempotencyKey);
	}

	private static boolean isEverything(RefundRequest request) {
		return request == null || request.lines() == null || request.lines().isEmpty();
	}

	/**
	 * What a refund asks for, the same for the same request, so a key reused for another
	 * refund is told apart from a retry.
	 */
	private static String describe(RefundRequest request) {
		if (isEverything(request)) {
			return "everything-left";
		}
		StringBuilder lines = new StringBuilder("lines");
		request.lines().forEach((line) -> lines.append('\n').append(line.sku()).append(' ').append(line.quantity()));
		return lines.toString();
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
		@Schema(name = "RefundLine") // checkout's request has a Line of its own
		record Line(@NotBlank @Size(max = 40) String sku, @NotNull @Min(1) @Max(10) Integer quantity) {

		}

	}

	/**
	 * A refund's amount, set aside by this request or by an earlier one with the same
	 * key.
	 *
	 * @param request what was set aside
	 * @param now whether this request set it aside
	 */
	private record SetAside(RefundLedger.Request request, boolean now) {

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
